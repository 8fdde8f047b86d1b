#include "app/panels/top_bar.hpp"

#include <cstdio>
#include <string>

#include "app/model/translate.hpp"
#include "imgui.h"

namespace convscope {

namespace {

struct ModeEntry {
    Mode mode;
    const char* name;
    bool available;
};

constexpr ModeEntry kModes[] = {
    {Mode::Convolution, N_("Convolution"), true},
    {Mode::Network, N_("Network"), true},
    {Mode::Images, N_("Images"), true},
    {Mode::Draw, N_("Draw"), true},
};

// A tab-like item of the bar; returns true when clicked.
bool mode_tab(const ModeEntry& entry, bool active) {
    if (!entry.available) ImGui::BeginDisabled();
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Header, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    const char* name = tr(entry.name);
    const ImVec2 size = ImGui::CalcTextSize(name);
    const bool clicked = ImGui::Selectable(name, active, 0, size);
    if (active) ImGui::PopStyleColor(2);
    if (!entry.available) {
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("%s",
                              trf("{mode} mode is not available yet", {{"mode", name}}).c_str());
        }
    }
    return clicked && entry.available;
}

}  // namespace

Actions draw_top_bar(const AppState& state, const UiMetrics& metrics) {
    Actions actions;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(metrics.px(10), metrics.px(9)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(metrics.px(14), metrics.px(4)));
    if (!ImGui::BeginMainMenuBar()) {
        ImGui::PopStyleVar(2);
        return actions;
    }
    ImGui::PushFont(metrics.fonts->title());
    ImGui::TextUnformatted("convscope");
    ImGui::PopFont();
    ImGui::Separator();  // vertical inside the bar

    for (const ModeEntry& entry : kModes) {
        if (mode_tab(entry, entry.mode == state.mode)) actions.select_mode = entry.mode;
    }
    ImGui::Separator();
    // Export draws lessons: Convolution mode's.
    ImGui::BeginDisabled(state.mode != Mode::Convolution);
    if (ImGui::MenuItem(tr("Export..."), nullptr, state.show_export)) actions.toggle_export = true;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", tr("The lesson as a GIF, or this step as PNG or SVG"));
    }

    // Right-aligned controls: measure them first so they end at the bar's edge.
    char percent[16];
    std::snprintf(percent, sizeof(percent), "%d%%",
                  static_cast<int>(state.text_scale * 100 + 0.5f));
    const ImGuiStyle& style = ImGui::GetStyle();
    // ImGui's fallback font has no true minus sign.
    const char* smaller = metrics.fonts->has_math_glyphs() ? "A\u2212" : "A-";
    // A language that could not be shown (no font, no texts) marks the menu; its tooltip
    // says why.
    // Short on the bar ("EN", "中文": the bar is full at 1280x720), whole in the menu.
    const std::string language_label =
        std::string(state.language == Language::English ? "EN" : language_name(state.language)) +
        (state.language_notice.empty() ? "" : " (!)");
    const char* language = language_label.c_str();
    const char* present = tr("Present");
    const char* lessons = tr("Lessons");
    const char* controls = tr("Controls");
    const char* fullscreen = tr("Fullscreen");
    const char* dark = tr("Dark");
    const char* labels[] = {language, dark,    present, lessons,    controls,
                            smaller,  percent, "A+",    fullscreen, "?"};
    float controls_width = 0;
    for (const char* label : labels) {
        controls_width +=
            ImGui::CalcTextSize(label).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    }
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (right - controls_width > ImGui::GetCursorPosX()) {
        ImGui::SetCursorPosX(right - controls_width + style.ItemSpacing.x);
    }
    if (ImGui::BeginMenu(language)) {
        for (const Language choice : {Language::English, Language::Chinese}) {
            if (ImGui::MenuItem(language_name(choice), nullptr, choice == state.language))
                actions.select_language = choice;
        }
        ImGui::EndMenu();
    }
    if (!state.language_notice.empty() && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", state.language_notice.c_str());
    }
    const bool is_dark = state.theme == Theme::Dark;
    if (ImGui::MenuItem(dark, nullptr, is_dark))
        actions.select_theme = is_dark ? Theme::Light : Theme::Dark;
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", tr("Dark colours for a projector in a dark room; click again for "
                                   "light"));
    }
    if (ImGui::MenuItem(present, nullptr, state.presentation)) actions.toggle_presentation = true;
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", tr("Presentation mode: large grids, no side panels (P)"));
    }
    // The lesson list and its controls belong to Convolution mode.
    const bool lesson_items_off = state.presentation || state.mode != Mode::Convolution;
    if (lesson_items_off) ImGui::BeginDisabled();
    if (ImGui::MenuItem(lessons, nullptr, state.show_lessons)) actions.toggle_lessons = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Show or hide the lesson list (Ctrl+L)"));
    if (ImGui::MenuItem(controls, nullptr, state.show_controls)) actions.toggle_controls = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Show or hide the playground controls (Ctrl+K)"));
    if (lesson_items_off) ImGui::EndDisabled();
    if (ImGui::MenuItem(smaller)) actions.text_size_steps -= 1;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Smaller text (Ctrl+-)"));
    if (ImGui::MenuItem(percent)) actions.reset_text_size = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Text size; click to reset (Ctrl+0)"));
    if (ImGui::MenuItem("A+")) actions.text_size_steps += 1;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Larger text (Ctrl+=)"));
    if (ImGui::MenuItem(fullscreen, nullptr, state.fullscreen)) actions.toggle_fullscreen = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Toggle fullscreen (F11)"));
    if (ImGui::MenuItem("?", nullptr, state.show_shortcuts)) actions.toggle_shortcuts = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Keyboard shortcuts (F1)"));

    ImGui::EndMainMenuBar();
    ImGui::PopStyleVar(2);
    return actions;
}

}  // namespace convscope
