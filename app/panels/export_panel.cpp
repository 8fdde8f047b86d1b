#include "app/panels/export_panel.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/model/translate.hpp"
#include "app/widgets/board.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/path_field.hpp"
#include "imgui.h"

namespace convscope {

namespace {

struct SizePreset {
    int width, height;
    const char* name;
};

constexpr SizePreset kSizes[] = {
    {640, 480, "640 x 480"},   {800, 600, "800 x 600"},   {1024, 768, "1024 x 768"},
    {1280, 720, "1280 x 720"}, {1600, 900, "1600 x 900"}, {1920, 1080, "1920 x 1080"},
};

constexpr const char* kFormatNames[] = {N_("GIF (every step)"), N_("PNG (this step)"),
                                        N_("SVG (this step)")};

// An ImGui label showing `text` in the language on screen with an id that stays the same in
// every language (the window's place, a field being typed in).
std::string labelled(const char* text, const char* id) {
    return std::string(text) + "###" + id;
}

// `path` with its extension replaced by the format's.
std::string with_extension(const std::string& path, ExportFormat format) {
    const std::size_t slash = path.find_last_of('/');
    const std::size_t dot = path.find_last_of('.');
    const bool has_extension =
        dot != std::string::npos && (slash == std::string::npos || dot > slash);
    return (has_extension ? path.substr(0, dot) : path) + "." + export_extension(format);
}

void format_choice(ExportChoices& choices, bool& changed) {
    int format = static_cast<int>(choices.request.format);
    for (int i = 0; i < 3; ++i) {
        if (ImGui::RadioButton(tr(kFormatNames[i]), &format, i)) {
            choices.request.format = static_cast<ExportFormat>(format);
            choices.path = with_extension(choices.path, choices.request.format);
            changed = true;
        }
    }
}

void size_choice(ExportChoices& choices, bool& changed) {
    char current[32];
    std::snprintf(current, sizeof current, "%d x %d", choices.request.width,
                  choices.request.height);
    if (ImGui::BeginCombo(labelled(tr("Size"), "size").c_str(), current)) {
        for (const SizePreset& size : kSizes) {
            const bool selected =
                size.width == choices.request.width && size.height == choices.request.height;
            if (ImGui::Selectable(size.name, selected)) {
                choices.request.width = size.width;
                choices.request.height = size.height;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
}

void steps_choice(const LessonScene& scene, ExportChoices& choices, bool& changed) {
    const int last = scene.step_count() - 1;
    changed |=
        ImGui::Checkbox(labelled(tr("Every step"), "every_step").c_str(), &choices.all_steps);
    if (!choices.all_steps) {
        int range[2] = {std::clamp(choices.request.first_step, 0, last),
                        std::clamp(choices.request.last_step, 0, last)};
        if (ImGui::SliderInt2(labelled(tr("Steps"), "steps").c_str(), range, 0, last)) {
            choices.request.first_step = std::min(range[0], range[1]);
            choices.request.last_step = std::max(range[0], range[1]);
            changed = true;
        }
    }
    changed |= ImGui::SliderFloat(labelled(tr("Steps per second"), "fps").c_str(),
                                  &choices.request.fps, kMinExportFps, kMaxExportFps / 2.5f, "%.2f",
                                  ImGuiSliderFlags_Logarithmic);
}

}  // namespace

Actions draw_export_panel(const LessonScene& scene, const AppState& state,
                          const UiMetrics& metrics) {
    Actions actions;
    if (!state.show_export) return actions;
    bool open = true;
    if (begin_floating_panel(labelled(tr("Export"), "export").c_str(), &open, metrics,
                             ImGuiCond_Appearing)) {
        ExportChoices choices = state.export_choices;
        bool changed = false;
        ImGui::Text("%s  %s", scene.lesson->section.c_str(), tr(scene.lesson->title).c_str());
        ImGui::Spacing();
        format_choice(choices, changed);
        ImGui::PushItemWidth(metrics.px(260));
        size_choice(choices, changed);
        if (choices.request.format == ExportFormat::Gif) steps_choice(scene, choices, changed);
        const PathFieldResult field = path_field("##file", choices.path, "", ImGui::CalcItemWidth(),
                                                 FilePurpose::ExportTarget, state, actions);
        if (field.edited) {
            choices.path = *field.edited;
            changed = true;
        }
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::TextUnformatted(tr("File"));
        ImGui::PopItemWidth();
        if (changed) actions.edit_export = choices;

        const ExportProgress& progress = state.export_progress;
        ImGui::BeginDisabled(progress.running);
        if (ImGui::Button(labelled(tr("Export"), "start_export").c_str()))
            actions.start_export = true;
        ImGui::EndDisabled();
        if (progress.running) {
            ImGui::SameLine();
            ImGui::ProgressBar(progress.fraction, ImVec2(metrics.px(240), 0));
        } else if (!progress.message.empty()) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + metrics.px(420));
            ImGui::PushStyleColor(
                ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(progress.failed ? kErrorInk : kInk));
            ImGui::TextUnformatted(progress.message.c_str());
            ImGui::PopStyleColor();
            ImGui::PopTextWrapPos();
        }
    }
    end_floating_panel();
    if (!open) actions.toggle_export = true;
    return actions;
}

}  // namespace convscope
