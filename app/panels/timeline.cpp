#include "app/panels/timeline.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/model/translate.hpp"
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
        if (button_with_tip("|<", tr("First step (Home)"))) actions.go_to_step = 0;
        if (button_with_tip("<", tr("Step back (Left)"))) actions.step_by -= 1;
        // As wide as the wider word, so the buttons after it stay put; one id for both.
        const char* pause = tr("Pause");
        const float play_width =
            std::max(ImGui::CalcTextSize(tr("Play")).x, ImGui::CalcTextSize(pause).x);
        const std::string play =
            std::string(state.playback.playing ? pause : tr("Play")) + "###play";
        if (ImGui::Button(play.c_str(),
                          ImVec2(play_width + ImGui::GetStyle().FramePadding.x * 2, 0))) {
            actions.toggle_play = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Play or pause (Space)"));
        ImGui::SameLine();
        if (button_with_tip(">", tr("Step forward (Right)"))) actions.step_by += 1;
        if (button_with_tip(">|", tr("Last step (End)"))) actions.go_to_step = kLastStep;

        // "Step 5 of 9" sits beside the scrub bar, not inside it: inside, the knob
        // covered the words. Its width is that of the longest count, so the bar does
        // not jump while playing.
        const std::string total = std::to_string(count);
        const std::string label =
            trf("Step {t} of {n}", {{"t", std::to_string(step + 1)}, {"n", total}});
        const std::string widest = trf("Step {t} of {n}", {{"t", total}, {"n", total}});
        const float label_width = ImGui::CalcTextSize(widest.c_str()).x;
        ImGui::AlignTextToFramePadding();
        const float label_x = ImGui::GetCursorPosX();
        ImGui::TextUnformatted(label.c_str());
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
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Drag to any step"));
        ImGui::SameLine();
        // The speed, like the step, is written beside its slider where the knob
        // cannot cover it.
        float speed = state.playback.steps_per_second;
        char number[16];
        std::snprintf(number, sizeof(number), "%.2g", speed);
        const std::string speed_label = trf("{speed} steps/s", {{"speed", number}});
        const float speed_label_width =
            ImGui::CalcTextSize(trf("{speed} steps/s", {{"speed", "0.25"}}).c_str()).x +
            ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetNextItemWidth(std::max(speed_width - speed_label_width, metrics.px(40)));
        if (ImGui::SliderFloat("##speed", &speed, kMinStepsPerSecond, kMaxStepsPerSecond, "",
                               ImGuiSliderFlags_Logarithmic)) {
            actions.set_speed = speed;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Animation speed"));
        ImGui::SameLine();
        ImGui::TextUnformatted(speed_label.c_str());
    }
    ImGui::End();
    return actions;
}

}  // namespace convscope
