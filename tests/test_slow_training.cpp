// The session at a slower pace: one batch per step() and no more, the batch laid open
// in the snapshot, a rate that keeps training, and the replay timeline filling along
// the run. Nothing is timed: the tests wait on conditions (wait_until.hpp).
#include <doctest/doctest.h>

#include <functional>

#include "core/nn/training_session.hpp"
#include "core/tensor/check.hpp"
#include "wait_until.hpp"

using namespace convscope;
using namespace convscope::testing;
using Snapshot = std::shared_ptr<const TrainingSnapshot>;

namespace {

const std::string kBundledMnist = CONVSCOPE_FIXTURE_DIR "/../../assets/mnist";

Dataset first_images(const Dataset& data, int count) {
    Dataset part = data;
    part.count = count;
    part.pixels.resize(static_cast<std::size_t>(count) * data.image_size());
    part.labels.resize(count);
    return part;
}

std::shared_ptr<const MnistData> small_mnist() {
    static const MnistData full = load_mnist(kBundledMnist);
    auto data = std::make_shared<MnistData>();
    data->folder = full.folder;
    data->train = first_images(full.train, 400);
    data->test = first_images(full.test, 50);
    return data;
}

TrainingSettings quick_settings() {
    TrainingSettings settings;
    settings.batch = 10;
    settings.accuracy_every_batches = 5;
    settings.test_images_per_point = 50;
    return settings;
}

Snapshot wait_for(const TrainingSession& session,
                  const std::function<bool(const TrainingSnapshot&)>& done) {
    Snapshot now;
    wait_until([&] { return done(*(now = session.snapshot())); },
               [&] { return std::to_string(now->total_batches) + " batches"; });
    return now;
}

// A snapshot published after the thread handled every earlier request (as in
// test_training_session.cpp): a new probe image comes back only from a later turn.
Snapshot round_trip(TrainingSession& session) {
    static float mark = 0;
    std::vector<float> image(session.snapshot()->probe.input.size(), 0.0f);
    image[0] = ++mark;
    session.set_probe_image(image);
    return wait_for(session, [&](const TrainingSnapshot& s) { return s.probe.input == image; });
}

}  // namespace

TEST_CASE("step() trains exactly one batch and lays it open") {
    TrainingSession session(small_mnist(), quick_settings());
    CHECK(session.snapshot()->timeline.size() == 1);  // the initial weights
    CHECK(session.snapshot()->timeline[0]->batch == 0);
    session.set_pace({PaceMode::OneStep, 2});
    session.step();
    Snapshot one =
        wait_for(session, [](const TrainingSnapshot& s) { return s.total_batches >= 1; });
    one = round_trip(session);
    CHECK(one->total_batches == 1);  // not a batch more
    CHECK(one->state == TrainingState::Paused);
    CHECK_FALSE(session.running());
    REQUIRE(one->last_batch.get() != nullptr);
    const BatchInspection& batch = *one->last_batch;
    CHECK(batch.batch == 1);
    CHECK(batch.count == 10);
    CHECK(batch.labels.size() == 10);
    CHECK(batch.loss == doctest::Approx(one->loss_history.back()).epsilon(1e-4));
    CHECK(batch.filters.gradients.size() == batch.filters.weights.size());
    // The filters shown beside the gradients are those the step started from.
    CHECK(batch.filters.weights == session.snapshot()->timeline[0]->conv_layers[0].weights);

    session.step();
    session.step();
    wait_for(session, [](const TrainingSnapshot& s) { return s.total_batches >= 3; });
    const Snapshot three = round_trip(session);
    CHECK(three->total_batches == 3);
    CHECK(three->last_batch->batch == 3);
    // Batches 0, 1, 2 and 3 are all kept early on.
    REQUIRE(three->timeline.size() == 4);
    CHECK(three->timeline[3]->batch == 3);
    CHECK(three->timeline[3]->loss == doctest::Approx(three->last_batch->loss));
}

TEST_CASE("a rate keeps training until paused; one-step mode pauses a running session") {
    TrainingSession session(small_mnist(), quick_settings());
    session.set_pace({PaceMode::Rate, 200});
    session.start();
    const Snapshot some =
        wait_for(session, [](const TrainingSnapshot& s) { return s.total_batches >= 3; });
    CHECK(some->pace.mode == PaceMode::Rate);
    CHECK(some->last_batch.get() != nullptr);  // slower than full speed, batches are laid open
    session.set_pace({PaceMode::OneStep, 200});
    CHECK_FALSE(session.running());
    const Snapshot stopped = round_trip(session);
    CHECK(stopped->state == TrainingState::Paused);
    const long batches = stopped->total_batches;
    CHECK(round_trip(session)->total_batches == batches);
    CHECK_THROWS_AS(session.set_pace({PaceMode::Rate, 0}), InputError);
}

TEST_CASE("at full speed no batch is laid open, and the timeline still fills") {
    TrainingSettings settings = quick_settings();
    settings.stop_after_epochs = 1;  // 40 batches
    TrainingSession session(small_mnist(), settings);
    session.start();
    const Snapshot done = wait_for(session, [](const TrainingSnapshot& s) {
        return s.total_batches >= 40 && s.state == TrainingState::Paused;
    });
    CHECK(done->last_batch.get() == nullptr);
    std::vector<long> kept;
    for (const auto& entry : done->timeline) kept.push_back(entry->batch);
    const std::vector<long> expected = {0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32};
    CHECK(kept == expected);
    session.reset(2);
    const Snapshot fresh =
        wait_for(session, [](const TrainingSnapshot& s) { return s.total_batches == 0; });
    CHECK(fresh->timeline.size() == 1);
}
