#include "app/panels/lesson_list.hpp"

#include <functional>
#include <string>

#include "app/model/translate.hpp"
#include "app/widgets/panel_window.hpp"
#include "core/lessons/lessons.hpp"

namespace convscope {

namespace {

// The title under its group's heading in the language on screen: core's title_in_group,
// applied after translation (a transposed guide case drops its "Transposed: ").
std::string listed_title(const Lesson& lesson) {
    const std::string& title = tr(lesson.title);
    const std::string prefix = tr("Transposed: ");
    const bool prefixed = title.compare(0, prefix.size(), prefix) == 0;
    if (lesson_group(lesson) != LessonGroup::GuideTransposed || !prefixed) return title;
    return title.substr(prefix.size());
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
        // The selected lesson comes into view when it changes from elsewhere (start-up,
        // --scene, a lesson file) and is out of sight; once per change, so the list can
        // still be scrolled away from it. ImGui keeps the last scene seen per window.
        ImGuiStorage* storage = ImGui::GetStateStorage();
        const ImGuiID seen_key = ImGui::GetID("##scene-seen");
        const int scene_key = static_cast<int>(std::hash<std::string>{}(state.scene) & 0x7fffffff);
        const bool scene_changed = storage->GetInt(seen_key, -1) != scene_key;
        storage->SetInt(seen_key, scene_key);
        group_label(tr("THE CHAPTER"));
        std::string previous_section;
        LessonGroup group = LessonGroup::Chapter;
        for (const Lesson& lesson : lessons()) {
            // A heading where a group starts (core keeps the groups in this order); the
            // guide's transposed cases get a subheading instead of a prefix.
            const LessonGroup now = lesson_group(lesson);
            if (now == LessonGroup::Beyond && group != LessonGroup::Beyond)
                group_label(tr("BEYOND THE CHAPTER"));
            const bool guide = now == LessonGroup::Guide || now == LessonGroup::GuideTransposed;
            if (guide && (group == LessonGroup::Chapter || group == LessonGroup::Beyond))
                group_label(tr("CONV ARITHMETIC GUIDE"));
            if (now == LessonGroup::GuideTransposed && group != LessonGroup::GuideTransposed)
                group_label((std::string("  ") + tr("transposed")).c_str());
            group = now;
            const bool in_guide =
                group == LessonGroup::Guide || group == LessonGroup::GuideTransposed;
            const std::string title = listed_title(lesson);
            // The section number on its first lesson only, as a chapter's contents do.
            const bool first_of_section = lesson.section != previous_section;
            previous_section = lesson.section;
            const bool selected = state.scene == lesson.id;
            const float row_height = metrics.px(5) + ImGui::GetFontSize();
            const ImVec2 start = ImGui::GetCursorPos();
            if (ImGui::Selectable(("##" + lesson.id).c_str(), selected, 0, ImVec2(0, row_height))) {
                if (!selected) actions.select_scene = lesson.id;
            }
            if (selected && scene_changed && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
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
                ImGui::SetTooltip("%s", trf("{title} (--scene {id})",
                                            {{"title", tr(lesson.title)}, {"id", lesson.id}})
                                            .c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return actions;
}

}  // namespace convscope
