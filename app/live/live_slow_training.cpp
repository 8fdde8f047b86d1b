// LiveModes' part for training slow enough to follow (issue 16 section 3): which
// snapshot the Network panels show (the live one, or a copy holding a replayed
// timeline entry), the batch's pictures, the picked weight's terms (computed here in
// core, between frames, never in a panel), the timeline's playback and the scenes.
#include <chrono>

#include "app/live/live_modes.hpp"
#include "app/model/slow_training.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

constexpr double kReplaySecondsPerEntry = 0.6;
constexpr int kSlowSceneBatches = 3;
constexpr long kReplaySceneBatch = 24;
constexpr int kShownTerms = 4;  // the largest terms listed: what fits at 1280x720

}  // namespace

void LiveModes::prepare_slow_training(AppState& state) {
    NetworkViewState& network = state.network;
    const std::shared_ptr<const TrainingSnapshot>& shown = lab_.shown();

    // The timeline's playback: one entry every kReplaySecondsPerEntry.
    const auto now = std::chrono::steady_clock::now();
    if (network.replay_playing && !replay_playing_) last_replay_tick_ = now;
    replay_playing_ = network.replay && network.replay_playing;
    if (replay_playing_ &&
        std::chrono::duration<double>(now - last_replay_tick_).count() >= kReplaySecondsPerEntry) {
        network.replay_batch = replay_next_batch(shown->timeline, network.replay_batch);
        last_replay_tick_ = now;
    }

    const int entry =
        network.replay ? timeline_entry_at(shown->timeline, network.replay_batch) : -1;
    if (entry < 0) {
        viewed_ = shown;
        viewed_entry_.reset();
        viewed_from_.reset();
    } else {
        const auto& picked = shown->timeline[static_cast<std::size_t>(entry)];
        if (picked != viewed_entry_ || shown != viewed_from_) {
            auto copy = std::make_shared<TrainingSnapshot>(*shown);
            copy->conv_layers = picked->conv_layers;
            copy->probe = picked->probe;
            viewed_ = std::move(copy);
            viewed_entry_ = picked;
            viewed_from_ = shown;
        }
    }

    batch_pictures_.update(shown->last_batch);
    if (shown->last_batch != weight_sum_batch_ || !(network.weight == weight_sum_pick_)) {
        weight_sum_batch_ = shown->last_batch;
        weight_sum_pick_ = network.weight;
        weight_sum_.reset();
        if (weight_sum_batch_ && network.weight.chosen()) {
            try {
                const WeightPick& w = network.weight;
                weight_sum_ = decompose_weight_gradient(*weight_sum_batch_, w.filter, w.channel,
                                                        w.ky, w.kx, kShownTerms);
            } catch (const InputError&) {
                weight_sum_.reset();  // a weight of another network's filters
            }
        }
    }
}

void LiveModes::open_slow_scene(const std::string& name, AppState& state) {
    state.mode = Mode::Network;
    LiveActions actions;
    if (name == "training-slow") {
        // Three batches, one per press, as a student would take them.
        actions.training = TrainingCommand::Step;
        for (int i = 0; i < kSlowSceneBatches; ++i) {
            apply_slow_training_actions(actions, state.network);
            apply(actions, state);
        }
        return;
    }
    // One epoch at full speed, then back to batch kReplaySceneBatch on the timeline.
    state.network.settings.stop_after_epochs = 1;
    actions.training_settings = state.network.settings;
    actions.training = TrainingCommand::Start;
    apply(actions, state);
    state.network.replay = true;
    state.network.replay_batch = kReplaySceneBatch;
}

bool LiveModes::slow_scene_ready() const {
    const auto& shown = lab_.shown();
    if (!shown || lab_.showing_pretrained()) return false;
    if (scene_ == "training-slow")
        return shown->total_batches >= kSlowSceneBatches && shown->last_batch != nullptr &&
               shown->last_batch->batch == kSlowSceneBatches;
    return shown->state == TrainingState::Paused && shown->total_batches > 0 && shown->epoch >= 1;
}

}  // namespace convscope
