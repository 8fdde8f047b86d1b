// The view side of training slow enough to follow: B switches to one batch per press
// and leaves the replay; scrubbing stops playback; playback steps through the kept
// snapshots and loops.
#include <doctest/doctest.h>

#include "app/model/slow_training.hpp"

using namespace convscope;

TEST_CASE("the one-batch key switches the pace and leaves the replay") {
    NetworkViewState network;
    network.replay = true;
    network.replay_playing = true;
    LiveActions actions;
    actions.training = TrainingCommand::Step;
    apply_slow_training_actions(actions, network);
    CHECK(network.pace.mode == PaceMode::OneStep);
    CHECK_FALSE(network.replay);
    CHECK_FALSE(network.replay_playing);
}

TEST_CASE("pace, weight pick, replay switch, scrub and play") {
    NetworkViewState network;
    LiveActions actions;
    actions.pace = TrainingPace{PaceMode::Rate, 5};
    actions.pick_weight = WeightPick{3, 0, 1, 4};
    apply_slow_training_actions(actions, network);
    CHECK(network.pace == TrainingPace{PaceMode::Rate, 5});
    CHECK(network.weight == WeightPick{3, 0, 1, 4});

    LiveActions play;
    play.toggle_replay_play = true;
    apply_slow_training_actions(play, network);
    CHECK_FALSE(network.replay_playing);  // no timeline on: nothing to play
    LiveActions on;
    on.replay = true;
    apply_slow_training_actions(on, network);
    apply_slow_training_actions(play, network);
    CHECK(network.replay_playing);
    LiveActions scrub;
    scrub.replay_batch = 12;
    apply_slow_training_actions(scrub, network);
    CHECK(network.replay_batch == 12);
    CHECK_FALSE(network.replay_playing);  // a hand on the slider stops the playback
}

TEST_CASE("playback moves to the next kept snapshot and loops") {
    TimelineEntries entries;
    CHECK(replay_next_batch(entries, 7) == 7);
    for (long batch : {0, 1, 2, 4, 8}) {
        TimelineEntry entry;
        entry.batch = batch;
        entries.push_back(std::make_shared<const TimelineEntry>(entry));
    }
    CHECK(replay_next_batch(entries, 0) == 1);
    CHECK(replay_next_batch(entries, 2) == 4);
    CHECK(replay_next_batch(entries, 3) == 4);  // between two snapshots
    CHECK(replay_next_batch(entries, 8) == 0);  // after the last: from the start
    CHECK(replay_next_batch(entries, -5) == 0);
}
