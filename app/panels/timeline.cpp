#include "app/panels/timeline.hpp"

#include <algorithm>
#include <cstdio>

namespace convscope {

namespace {

bool button_with_tip(const char* label, const char* tip) {
    const bool clicked = ImGui::Button(label);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    ImGui::SameLine();
    return clicked;
}

}  // namespace

float timeline_height(const UiMetrics& metrics) {
    return metrics.ui_font() + metrics.px(34);
}

Actions draw_timeline(const LessonScene& scene, const AppState& state, const UiMetrics& metrics,
                      ImVec2 position, ImVec2 size) {
    Actions actions;
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(metrics.px(16), metrics.px(12)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.94f, 0.945f, 0.955f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("##timeline", nullptr, flags)) {
        const int count = scene.step_count();
        const int step = std::clamp(state.playback.step, 0, count - 1);
        if (button_with_tip("|<", "First step (Home)")) actions.go_to_step = 0;
        if (button_with_tip("<", "Step back (Left)")) actions.step_by -= 1;
        const char* play = state.playback.playing ? "Pause" : "Play";
        if (ImGui::Button(
                play,
                ImVec2(ImGui::CalcTextSize("Pause").x + ImGui::GetStyle().FramePadding.x * 2, 0))) {
            actions.toggle_play = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
        ImGui::SameLine();
        if (button_with_tip(">", "Step forward (Right)")) actions.step_by += 1;
        if (button_with_tip(">|", "Last step (End)")) actions.go_to_step = kLastStep;

        // The scrub bar takes what the speed slider leaves.
        const float speed_width = metrics.px(170) * metrics.text_scale;
        const float scrub_width =
            ImGui::GetContentRegionAvail().x - speed_width - ImGui::GetStyle().ItemSpacing.x;
        char format[64];
        std::snprintf(format, sizeof(format), "Step %%d of %d", count);
        int shown = step + 1;  // students count from 1
        ImGui::SetNextItemWidth(std::max(scrub_width, metrics.px(80)));
        if (ImGui::SliderInt("##step", &shown, 1, count, format, ImGuiSliderFlags_AlwaysClamp)) {
            actions.go_to_step = shown - 1;
        }
        ImGui::SameLine();
        float speed = state.playback.steps_per_second;
        ImGui::SetNextItemWidth(speed_width);
        if (ImGui::SliderFloat("##speed", &speed, kMinStepsPerSecond, kMaxStepsPerSecond,
                               "%.2g steps/s", ImGuiSliderFlags_Logarithmic)) {
            actions.set_speed = speed;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Animation speed");
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    return actions;
}

}  // namespace convscope
