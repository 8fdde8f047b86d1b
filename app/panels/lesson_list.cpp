#include "app/panels/lesson_list.hpp"

#include <string>

#include "app/gui/scenes.hpp"

namespace convscope {

float lesson_list_width(const UiMetrics& metrics) {
    return metrics.px(210) * metrics.text_scale;
}

Actions draw_lesson_list(const AppState& state, const UiMetrics& metrics, ImVec2 position,
                         ImVec2 size) {
    Actions actions;
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(metrics.px(14), metrics.px(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(metrics.px(8), metrics.px(6)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.94f, 0.945f, 0.955f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("##lessons", nullptr, flags)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.40f, 0.43f, 0.48f, 1.0f));
        ImGui::TextUnformatted("LESSONS");
        ImGui::PopStyleColor();
        ImGui::Spacing();
        for (const SceneInfo& scene : scene_list()) {
            const std::string label = std::string(scene.lesson) + "  " + scene.title;
            const bool selected = state.scene == scene.name;
            if (ImGui::Selectable(label.c_str(), selected, 0,
                                  ImVec2(0, metrics.px(8) + ImGui::GetFontSize()))) {
                if (!selected) actions.select_scene = scene.name;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("--scene %s", scene.name);
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    return actions;
}

}  // namespace convscope
