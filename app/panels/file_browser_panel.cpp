#include "app/panels/file_browser_panel.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/model/translate.hpp"
#include "app/widgets/board.hpp"
#include "app/widgets/text_wrap.hpp"
#include "imgui.h"

namespace convscope {

namespace {

constexpr FileKind kFilters[] = {FileKind::Image,  FileKind::IdxData, FileKind::Weights,
                                 FileKind::Onnx,   FileKind::Lesson,  FileKind::Npy,
                                 FileKind::Export, FileKind::Unknown};

// Up, the folder (typed: Enter goes there), and the kind of files shown.
void folder_row(const FileBrowserState& browser, const UiMetrics& metrics, Actions& actions) {
    if (ImGui::Button((std::string(tr("Up")) + "###up").c_str()))
        actions.browser_folder = parent_folder(browser.folder);
    ImGui::SameLine();
    char folder[1024];
    std::snprintf(folder, sizeof folder, "%s", browser.folder.c_str());
    const float filter_width = metrics.px(190);
    ImGui::SetNextItemWidth(std::max(
        metrics.px(120),
        ImGui::GetContentRegionAvail().x - filter_width - ImGui::GetStyle().ItemSpacing.x));
    if (ImGui::InputText("##folder", folder, sizeof folder, ImGuiInputTextFlags_EnterReturnsTrue))
        actions.browser_folder = std::string(folder);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(filter_width);
    if (ImGui::BeginCombo("##filter", tr(file_kind_name(browser.filter)))) {
        for (const FileKind kind : kFilters) {
            if (ImGui::Selectable(tr(file_kind_name(kind)), kind == browser.filter))
                actions.browser_filter = kind;
        }
        ImGui::EndCombo();
    }
}

// Folders open with one click; a file is chosen with one and opened with two.
void entry_list(const FileBrowserState& browser, float height, Actions& actions) {
    ImGui::BeginChild("##entries", ImVec2(0, height), true);
    if (!browser.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kErrorInk));
        wrapped_text(trf("This folder cannot be read: {reason}", {{"reason", browser.error}}));
        ImGui::PopStyleColor();
    } else if (browser.entries.empty()) {
        ImGui::TextDisabled("%s", tr("No matching files here"));
    }
    for (const BrowserEntry& entry : browser.entries) {
        const std::string label = entry.folder ? entry.name + "/" : entry.name;
        if (entry.folder) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.10f, 0.30f, 0.62f, 1.0f));
        const bool selected = !entry.folder && entry.name == browser.name;
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
            const std::string path = resolve_typed_path(browser.folder, entry.name);
            if (entry.folder) {
                actions.browser_folder = path;
            } else if (ImGui::IsMouseDoubleClicked(0)) {
                actions.chosen_file = ChosenFile{browser.purpose, path};
            } else {
                actions.browser_name = entry.name;
            }
        }
        if (entry.folder) ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

// The name (or a whole path), then Open / Save / Use this folder, and Cancel.
void choose_row(const FileBrowserState& browser, Actions& actions) {
    const bool folder_wanted = purpose_wants_folder(browser.purpose);
    bool chosen = false;
    if (!folder_wanted) {
        char name[1024];
        std::snprintf(name, sizeof name, "%s", browser.name.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("Name"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        // Typing goes to the name at once: a name and Enter are enough.
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        chosen =
            ImGui::InputText("##name", name, sizeof name, ImGuiInputTextFlags_EnterReturnsTrue);
        if (ImGui::IsItemEdited()) actions.browser_name = std::string(name);
        if (chosen) actions.browser_name = std::string(name);
    }
    const char* verb = folder_wanted                    ? tr("Use this folder")
                       : purpose_saves(browser.purpose) ? tr("Save")
                                                        : tr("Open");
    ImGui::BeginDisabled(!folder_wanted && browser.name.empty() && !chosen);
    if (ImGui::Button((std::string(verb) + "###choose").c_str())) chosen = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr("Cancel")) + "###cancel").c_str()))
        actions.close_browser = true;
    if (!chosen) return;
    const std::string name = actions.browser_name ? *actions.browser_name : browser.name;
    const std::string path =
        folder_wanted ? browser.folder : resolve_typed_path(browser.folder, name);
    actions.chosen_file = ChosenFile{browser.purpose, path};
}

}  // namespace

Actions draw_file_browser(const AppState& state, const UiMetrics& metrics) {
    Actions actions;
    const FileBrowserState& browser = state.files.browser;
    if (!browser.open) return actions;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 size(std::min(metrics.px(720), viewport->WorkSize.x * 0.92f),
                      std::min(metrics.px(520), viewport->WorkSize.y * 0.9f));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(metrics.px(16), metrics.px(12)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    bool open = true;
    const std::string title = std::string(tr(purpose_title(browser.purpose))) + "###file_browser";
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        folder_row(browser, metrics, actions);
        const ImGuiStyle& style = ImGui::GetStyle();
        const float footer = 2 * ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
        entry_list(browser, std::max(metrics.px(80), ImGui::GetContentRegionAvail().y - footer),
                   actions);
        choose_row(browser, actions);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    if (!open) actions.close_browser = true;
    return actions;
}

Actions draw_file_notice(const AppState& state, const UiMetrics& metrics) {
    Actions actions;
    if (state.files.notice.empty()) return actions;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(metrics.px(760), viewport->WorkSize.x * 0.8f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y - metrics.px(12)),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->WorkSize.y));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(metrics.px(14), metrics.px(10)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    if (ImGui::Begin("##file_notice", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing)) {
        if (ImGui::Button((std::string(tr("OK")) + "###dismiss_notice").c_str()))
            actions.dismiss_notice = true;
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(
                                                 state.files.notice_failed ? kErrorInk : kInk));
        wrapped_text(state.files.notice);
        ImGui::PopStyleColor();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    return actions;
}

}  // namespace convscope
