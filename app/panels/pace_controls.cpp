// The training speed (issue 16 section 3): full speed, a few batches a second, or one
// batch per press of B; and the replay timeline's switch. Every control returns an
// action; the pacing itself happens on the training thread.
#include <string>

#include "app/model/live_words.hpp"
#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/text_wrap.hpp"

namespace convscope {

namespace {

std::string pace_text(const TrainingPace& pace) {
    switch (pace.mode) {
        case PaceMode::Full:
            return tr("full speed");
        case PaceMode::OneStep:
            return tr("one batch per press of B");
        case PaceMode::Rate:
            break;
    }
    const std::string rate = format_number("%g", pace.batches_per_second);
    return pace.batches_per_second == 1 ? trf("{rate} batch a second", {{"rate", rate}})
                                        : trf("{rate} batches a second", {{"rate", rate}});
}

}  // namespace

Actions draw_pace_controls(const NetworkModeView& view, const AppState& state,
                           const UiMetrics& metrics) {
    Actions actions;
    const NetworkViewState& network = state.network;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Speed"));
    ImGui::SameLine(metrics.px(130));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##pace", pace_text(network.pace).c_str())) {
        std::vector<TrainingPace> choices = {{PaceMode::Full, network.pace.batches_per_second}};
        for (double rate : pace_rate_choices()) choices.push_back({PaceMode::Rate, rate});
        choices.push_back({PaceMode::OneStep, network.pace.batches_per_second});
        for (const TrainingPace& pace : choices) {
            const bool selected = pace.mode == network.pace.mode &&
                                  (pace.mode != PaceMode::Rate || pace == network.pace);
            if (ImGui::Selectable(pace_text(pace).c_str(), selected)) actions.live.pace = pace;
        }
        ImGui::EndCombo();
    }
    if (view.pretrained && network.pace.mode == PaceMode::OneStep)
        wrapped_text(tr("B trains the first batch from new random weights."));
    const bool replaying = network.replay;
    const std::string label =
        std::string(replaying ? tr("Back to the live network") : tr("Replay the run")) +
        "###replay";
    ImGui::BeginDisabled(view.pretrained || view.live.timeline.size() < 2);
    if (ImGui::Button(label.c_str())) actions.live.replay = !replaying;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr("Scrub back through the filters and maps kept along the run"));
    return actions;
}

}  // namespace convscope
