#include "app/model/slow_training.hpp"

namespace convscope {

void apply_slow_training_actions(const LiveActions& actions, NetworkViewState& network) {
    if (actions.pace) network.pace = *actions.pace;
    if (actions.training == TrainingCommand::Step) {
        network.pace.mode = PaceMode::OneStep;
        network.replay = false;  // the batch is what the student wants to see now
        network.replay_playing = false;
    }
    if (actions.pick_weight) network.weight = *actions.pick_weight;
    if (actions.replay) {
        network.replay = *actions.replay;
        network.replay_playing = false;
    }
    if (actions.replay_batch) {
        network.replay_batch = *actions.replay_batch;
        network.replay_playing = false;  // scrubbing by hand stops the playback
    }
    if (actions.toggle_replay_play && network.replay)
        network.replay_playing = !network.replay_playing;
}

long replay_next_batch(const TimelineEntries& entries, long batch) {
    if (entries.empty()) return batch;
    for (const auto& entry : entries)
        if (entry->batch > batch) return entry->batch;
    return entries.front()->batch;
}

}  // namespace convscope
