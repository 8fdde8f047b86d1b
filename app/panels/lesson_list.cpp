#include "app/panels/lesson_list.hpp"

#include <string>

#include "app/widgets/panel_window.hpp"
#include "core/lessons/lessons.hpp"

namespace convscope {

namespace {

bool is_conv_arithmetic_case(const Lesson& lesson) {
    return lesson.id.rfind("ca-", 0) == 0;
}

}  // namespace

float lesson_list_width(const UiMetrics& metrics) {
    // Wide enough for the longest chapter title ("Translation equivariance").
    return metrics.px(285) * metrics.text_scale;
}

Actions draw_lesson_list(const AppState& state, const UiMetrics& metrics, ImVec2 position,
                         ImVec2 size) {
    Actions actions;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(metrics.px(8), metrics.px(2)));
    // A scrollbar, since the list is longer than a 720p window.
    if (begin_side_panel("##lessons", position, size, ImVec2(metrics.px(12), metrics.px(12)),
                         /*scrollbar=*/true)) {
        group_label("THE CHAPTER");
        std::string previous_section;
        bool in_guide = false, in_transposed = false;
        for (const Lesson& lesson : lessons()) {
            if (is_conv_arithmetic_case(lesson) && !in_guide) {
                in_guide = true;
                group_label("CONV ARITHMETIC GUIDE");
            }
            // The guide's transposed cases get their own subheading instead of a prefix.
            std::string title = lesson.title;
            const std::string transposed_prefix = "Transposed: ";
            if (in_guide && title.rfind(transposed_prefix, 0) == 0) {
                title = title.substr(transposed_prefix.size());
                if (!in_transposed) {
                    in_transposed = true;
                    group_label("  transposed");
                }
            }
            // The section number on its first lesson only, as a chapter's contents do.
            const bool first_of_section = lesson.section != previous_section;
            previous_section = lesson.section;
            const bool selected = state.scene == lesson.id;
            const float row_height = metrics.px(5) + ImGui::GetFontSize();
            const ImVec2 start = ImGui::GetCursorPos();
            if (ImGui::Selectable(("##" + lesson.id).c_str(), selected, 0, ImVec2(0, row_height))) {
                if (!selected) actions.select_scene = lesson.id;
            }
            const bool hovered = ImGui::IsItemHovered();
            const ImVec2 after = ImGui::GetCursorPos();
            const float text_y = start.y + (row_height - ImGui::GetFontSize()) * 0.5f;
            const float indent =
                in_guide ? metrics.px(6) : ImGui::CalcTextSize("2.7.1 ").x + metrics.px(4);
            if (first_of_section && !in_guide) {
                ImGui::SetCursorPos(ImVec2(start.x + metrics.px(4), text_y));
                ImGui::TextDisabled("%s", lesson.section.c_str());
            }
            ImGui::SetCursorPos(ImVec2(start.x + indent, text_y));
            ImGui::TextUnformatted(title.c_str());
            ImGui::SetCursorPos(after);
            if (hovered)
                ImGui::SetTooltip("%s (--scene %s)", lesson.title.c_str(), lesson.id.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return actions;
}

}  // namespace convscope
