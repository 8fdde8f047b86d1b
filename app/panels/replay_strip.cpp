// The replay timeline (issue 16 section 3): play or pause, a slider over the batches
// trained, and which snapshot is on screen (its batch and loss). The filters and maps
// panels show that snapshot; LiveModes picks it, this strip only asks.
#include <algorithm>
#include <string>

#include "app/model/live_words.hpp"
#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"

namespace convscope {

Actions draw_replay_strip(const NetworkModeView& view, const AppState& state,
                          const UiMetrics& metrics) {
    Actions actions;
    const NetworkViewState& network = state.network;
    const auto& entries = view.live.timeline;
    if (entries.empty()) return actions;
    const int index = timeline_entry_at(entries, network.replay_batch);
    const TimelineEntry& entry = *entries[static_cast<std::size_t>(std::max(index, 0))];

    const std::string play =
        std::string(network.replay_playing ? tr("Pause") : tr("Play")) + "###replay_play";
    if (ImGui::Button(play.c_str())) actions.live.toggle_replay_play = true;
    ImGui::SameLine();
    const std::string shown =
        entry.batch == 0
            ? std::string(tr("batch 0: the initial random weights"))
            : trf("batch {batch}: loss {loss}", {{"batch", std::to_string(entry.batch)},
                                                 {"loss", format_number("%.3f", entry.loss)}});
    ImGui::SetNextItemWidth(std::max(
        metrics.px(120),
        ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(shown.c_str()).x - metrics.px(16)));
    // The slider moves in kept snapshots: each step shows a different picture.
    int position = std::max(index, 0) + 1;  // counted from 1 on screen
    const int last = static_cast<int>(entries.size());
    const std::string format =
        trf("snapshot {n} of {count}", {{"n", "%d"}, {"count", std::to_string(last)}});
    if (ImGui::SliderInt("##replay_slider", &position, 1, last, format.c_str()))
        actions.live.replay_batch = entries[static_cast<std::size_t>(position - 1)]->batch;
    ImGui::SameLine();
    ImGui::TextUnformatted(shown.c_str());
    ImGui::TextDisabled("%s", trf("{count} snapshots kept, dense early, sparser later; "
                                  "the filters and maps above and below are from then",
                                  {{"count", std::to_string(entries.size())}})
                                  .c_str());
    return actions;
}

}  // namespace convscope
