#include "app/panels/timeline.hpp"

#include <algorithm>
#include <cstdio>

#include "app/widgets/panel_window.hpp"

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
    if (begin_side_panel("##timeline", position, size, ImVec2(metrics.px(16), metrics.px(12)))) {
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

        // "Step 5 of 9" sits beside the scrub bar, not inside it: inside, the knob
        // covered the words. Its width is that of the longest count, so the bar does
        // not jump while playing.
        char label[64];
        std::snprintf(label, sizeof(label), "Step %d of %d", step + 1, count);
        char widest[64];
        std::snprintf(widest, sizeof(widest), "Step %d of %d", count, count);
        const float label_width = ImGui::CalcTextSize(widest).x;
        ImGui::AlignTextToFramePadding();
        const float label_x = ImGui::GetCursorPosX();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_x + label_width + ImGui::GetStyle().ItemSpacing.x);

        // The scrub bar takes what the label and the speed slider leave.
        const float speed_width = metrics.px(170) * metrics.text_scale;
        const float scrub_width =
            ImGui::GetContentRegionAvail().x - speed_width - ImGui::GetStyle().ItemSpacing.x;
        int shown = step + 1;  // students count from 1
        ImGui::SetNextItemWidth(std::max(scrub_width, metrics.px(80)));
        if (ImGui::SliderInt("##step", &shown, 1, count, "", ImGuiSliderFlags_AlwaysClamp)) {
            actions.go_to_step = shown - 1;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to any step");
        ImGui::SameLine();
        // The speed, like the step, is written beside its slider where the knob
        // cannot cover it.
        float speed = state.playback.steps_per_second;
        char speed_label[32];
        std::snprintf(speed_label, sizeof(speed_label), "%.2g steps/s", speed);
        const float speed_label_width =
            ImGui::CalcTextSize("0.25 steps/s").x + ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetNextItemWidth(std::max(speed_width - speed_label_width, metrics.px(40)));
        if (ImGui::SliderFloat("##speed", &speed, kMinStepsPerSecond, kMaxStepsPerSecond, "",
                               ImGuiSliderFlags_Logarithmic)) {
            actions.set_speed = speed;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Animation speed");
        ImGui::SameLine();
        ImGui::TextUnformatted(speed_label);
    }
    ImGui::End();
    return actions;
}

}  // namespace convscope
