// The background training session: it trains while the caller goes on, snapshots
// advance in order, pause really stops, reset starts over, settings change only while
// paused, and destroying a running session is safe. Nothing here is timed: the tests
// wait on conditions (wait_until.hpp), and speeds are printed, not asserted.
// Run under the sanitizer build too (CONVSCOPE_SANITIZE=ON); a ThreadSanitizer build
// (-fsanitize=thread) checks the locking.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <numeric>

#include "core/nn/network.hpp"
#include "core/nn/training_session.hpp"
#include "temp_folder.hpp"
#include "wait_until.hpp"

using namespace convscope;
using namespace convscope::testing;
using Snapshot = std::shared_ptr<const TrainingSnapshot>;

namespace {

const std::string kBundledMnist = CONVSCOPE_FIXTURE_DIR "/../../assets/mnist";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

Dataset first_images(const Dataset& data, int count) {
    Dataset part = data;
    part.count = count;
    part.pixels.resize(static_cast<std::size_t>(count) * data.image_size());
    part.labels.resize(count);
    return part;
}

// The bundled subset cut to `train` and `test` images: small enough for a sanitizer build.
std::shared_ptr<const MnistData> small_mnist(int train = 1000, int test = 200) {
    static const MnistData full = load_mnist(kBundledMnist);
    auto data = std::make_shared<MnistData>();
    data->folder = full.folder;
    data->train = first_images(full.train, train);
    data->test = first_images(full.test, test);
    return data;
}

TrainingSettings quick_settings() {
    TrainingSettings settings;
    settings.batch = 20;
    settings.threads = 1;
    settings.publish_every_batches = 2;
    settings.accuracy_every_batches = 5;
    settings.test_images_per_point = 100;
    return settings;
}

// Polls snapshots until `done` holds and returns that snapshot; fails the test if none
// does within a generous deadline.
Snapshot wait_for(const TrainingSession& session,
                  const std::function<bool(const TrainingSnapshot&)>& done) {
    Snapshot now;
    wait_until([&] { return done(*(now = session.snapshot())); },
               [&] {
                   return std::string("a snapshot; the last one: ") +
                          training_state_name(now->state) + ", " +
                          std::to_string(now->total_batches) + " batches";
               });
    return now;
}

// A snapshot published after the training thread has handled every request made
// before the call. The thread takes a new probe image between batches, together with
// any pending request, so a snapshot showing that image comes from a later turn of its
// loop: whatever a paused or stopped thread would wrongly train shows up by then.
Snapshot snapshot_after_round_trip(TrainingSession& session) {
    static float mark = 0;  // a value no earlier probe image had
    std::vector<float> image(session.snapshot()->probe.input.size(), 0.0f);
    image[0] = ++mark;
    session.set_probe_image(image);
    return wait_for(session, [&](const TrainingSnapshot& s) { return s.probe.input == image; });
}

// conv1's weights of a network freshly initialised from `seed`.
std::vector<float> initial_conv1(const NetworkSpec& spec, std::uint64_t seed) {
    Network<float> network(spec, 1);
    network.initialize(seed);
    const ParameterTensor& view = network.parameter_tensors()[0];
    return {network.parameters() + view.offset, network.parameters() + view.offset + view.count};
}

}  // namespace

TEST_CASE("a new session publishes the untrained network at once") {
    TrainingSession session(small_mnist(), quick_settings());
    const Snapshot first = session.snapshot();
    REQUIRE(first != nullptr);
    CHECK(first->version >= 1);
    CHECK(first->state == TrainingState::Paused);
    CHECK(first->total_batches == 0);
    CHECK(first->batches_per_epoch == 50);
    CHECK(first->loss_history.empty());
    REQUIRE(first->conv_layers.size() == 1);
    CHECK(first->conv_layers[0].name == "conv1");
    CHECK(first->conv_layers[0].shape == std::vector<int>{30, 1, 5, 5});
    CHECK(first->conv_layers[0].weights == initial_conv1(simpleconvnet_spec(), 1));
    CHECK(first->conv_layers[0].biases.size() == 30);
    REQUIRE(first->probe.layers.size() == 7);
    const float total =
        std::accumulate(first->probe.probabilities.begin(), first->probe.probabilities.end(), 0.0f);
    CHECK(total == doctest::Approx(1.0));
    CHECK_FALSE(session.running());
}

TEST_CASE("training runs in the background and pause stops it") {
    TrainingSession session(small_mnist(), quick_settings());
    const std::vector<float> initial = session.snapshot()->conv_layers[0].weights;
    session.start();
    CHECK(session.running());
    const Snapshot early = wait_for(session, [](const TrainingSnapshot& s) {
        return s.state == TrainingState::Running && s.total_batches >= 4;
    });
    const Snapshot later = wait_for(session, [&](const TrainingSnapshot& s) {
        return s.total_batches >= early->total_batches + 6;
    });
    CHECK(later->version > early->version);
    CHECK(later->images_seen == later->total_batches * 20);
    CHECK(later->images_per_second > 0);
    CHECK_FALSE(later->loss_history.empty());
    CHECK(later->conv_layers[0].weights != initial);
    // Gradients of the last batch are there and not all zero.
    const auto& gradients = later->conv_layers[0].gradients;
    REQUIRE(gradients.size() == initial.size());
    CHECK(std::any_of(gradients.begin(), gradients.end(), [](float g) { return g != 0; }));

    session.pause();
    const Snapshot paused = wait_for(
        session, [](const TrainingSnapshot& s) { return s.state == TrainingState::Paused; });
    const Snapshot still = snapshot_after_round_trip(session);
    CHECK(still->total_batches == paused->total_batches);
    CHECK(still->conv_layers[0].weights == paused->conv_layers[0].weights);

    session.resume();
    wait_for(session,
             [&](const TrainingSnapshot& s) { return s.total_batches > paused->total_batches; });
}

TEST_CASE("the loss falls and accuracy points are recorded") {
    TrainingSession session(small_mnist(), quick_settings());
    session.start();
    const Snapshot done =
        wait_for(session, [](const TrainingSnapshot& s) { return s.total_batches >= 60; });
    session.pause();
    REQUIRE(done->loss_history.size() >= 50);
    const auto& loss = done->loss_history;
    const float first = (loss[0] + loss[1] + loss[2]) / 3;
    const float last = (loss[loss.size() - 1] + loss[loss.size() - 2] + loss[loss.size() - 3]) / 3;
    MESSAGE("loss from " << first << " to " << last);
    CHECK(last < 0.7f * first);
    REQUIRE(done->accuracy_history.size() >= 10);
    const AccuracyPoint& point = done->accuracy_history.back();
    MESSAGE("train accuracy " << point.train << ", test accuracy " << point.test);
    CHECK(point.test > 0.5f);  // chance is 0.1
    CHECK(point.epoch > 1.0);  // 50 batches per epoch
    CHECK(done->epoch >= 1);

    // The curves' x axis: the accuracy points' epochs, the batches trained, and each
    // loss point's end all count epochs alike.
    CHECK(done->epochs_trained() ==
          doctest::Approx(done->epoch + double(done->batch_in_epoch) / done->batches_per_epoch));
    CHECK(point.epoch <= done->epochs_trained());
    const int last_point = static_cast<int>(loss.size()) - 1;
    const double per_point = double(done->batches_per_loss_point) / done->batches_per_epoch;
    CHECK(done->loss_point_epoch(last_point) <= done->epochs_trained());
    CHECK(done->loss_point_epoch(last_point) > done->epochs_trained() - per_point);
    CHECK(done->loss_point_epoch(0) == doctest::Approx(per_point));
    CHECK(TrainingSnapshot{}.epochs_trained() == 0.0);  // no epoch size yet
}

TEST_CASE("reset starts over from a new seed") {
    TrainingSession session(small_mnist(), quick_settings());
    session.start();
    wait_for(session, [](const TrainingSnapshot& s) { return s.total_batches >= 10; });
    session.reset(5);
    CHECK_FALSE(session.running());
    const Snapshot fresh = wait_for(session, [](const TrainingSnapshot& s) {
        return s.total_batches == 0 && s.state == TrainingState::Paused;
    });
    CHECK(fresh->loss_history.empty());
    CHECK(fresh->accuracy_history.empty());
    CHECK(fresh->epoch == 0);
    CHECK(fresh->settings.seed == 5);
    CHECK(fresh->conv_layers[0].weights == initial_conv1(simpleconvnet_spec(), 5));
    CHECK(fresh->conv_layers[0].weights != initial_conv1(simpleconvnet_spec(), 1));
}

TEST_CASE("settings change only while paused and keep the weights") {
    TrainingSession session(small_mnist(), quick_settings());
    session.start();
    wait_for(session, [](const TrainingSnapshot& s) { return s.total_batches >= 3; });
    TrainingSettings changed = quick_settings();
    changed.batch = 10;
    changed.optimizer = OptimizerKind::Sgd;
    changed.learning_rate = 0.05f;
    CHECK(contains(input_error_of([&] { session.change_settings(changed); }), "pause"));

    session.pause();
    const Snapshot before = wait_for(
        session, [](const TrainingSnapshot& s) { return s.state == TrainingState::Paused; });
    session.change_settings(changed);
    const Snapshot after =
        wait_for(session, [](const TrainingSnapshot& s) { return s.settings.batch == 10; });
    CHECK(after->conv_layers[0].weights == before->conv_layers[0].weights);
    CHECK(after->total_batches == before->total_batches);
    CHECK(after->batches_per_epoch == 100);
    CHECK(after->batch_in_epoch == 0);  // a fresh epoch under the new settings
    session.start();
    const Snapshot moved = wait_for(session, [&](const TrainingSnapshot& s) {
        return s.total_batches >= before->total_batches + 3;
    });
    CHECK(moved->images_seen > before->images_seen);

    TrainingSettings bad = quick_settings();
    bad.batch = 0;
    CHECK(contains(input_error_of([&] { validate_training_settings(bad); }), "batch size"));
    bad = quick_settings();
    bad.network = "resnet";
    CHECK(contains(input_error_of([&] { validate_training_settings(bad); }), "resnet"));
    bad = quick_settings();
    bad.learning_rate = -1;
    CHECK(contains(input_error_of([&] { validate_training_settings(bad); }), "learning rate"));
}

TEST_CASE("another network starts over with its own layers") {
    TrainingSession session(small_mnist(), quick_settings());
    session.start();
    wait_for(session, [](const TrainingSnapshot& s) { return s.total_batches >= 2; });
    session.pause();
    wait_for(session, [](const TrainingSnapshot& s) { return s.state == TrainingState::Paused; });
    TrainingSettings lenet = quick_settings();
    lenet.network = "lenet";
    session.change_settings(lenet);
    const Snapshot fresh =
        wait_for(session, [](const TrainingSnapshot& s) { return s.conv_layers.size() == 2; });
    CHECK(fresh->total_batches == 0);
    CHECK(fresh->conv_layers[1].shape == std::vector<int>{16, 6, 5, 5});
    CHECK(fresh->probe.layers.size() == lenet_spec().layers.size());
}

// That snapshot() never waits for a batch is a matter of speed, so the test prints how
// long the slowest call took beside a batch's time and asserts only what holds on any
// machine; the GUI's frame bench (--scene training --bench-frames) measures the rest.
TEST_CASE("snapshots stay readable and in order through long batches") {
    TrainingSettings slow = quick_settings();
    slow.batch = 1000;  // one batch takes far longer than any acceptable frame
    slow.accuracy_every_batches = 1000;
    TrainingSession session(small_mnist(1000, 50), slow);
    session.start();
    double worst_ms = 0;
    long polls = 0;
    Snapshot last = session.snapshot();
    bool in_order = true;
    wait_until(
        [&] {
            const auto begin = std::chrono::steady_clock::now();
            const Snapshot now = session.snapshot();
            worst_ms = std::max(worst_ms, std::chrono::duration<double, std::milli>(
                                              std::chrono::steady_clock::now() - begin)
                                              .count());
            ++polls;
            in_order = in_order && now->version >= last->version &&
                       now->total_batches >= last->total_batches;
            last = now;
            return now->total_batches >= 2;
        },
        [&] { return "two batches of 1000; saw " + std::to_string(last->total_batches); }, 300);
    CHECK(in_order);
    CHECK(last->images_seen == last->total_batches * 1000);
    const double batch_ms = 1000.0 * 1000 / last->images_per_second;
    MESSAGE(polls << " polls, slowest snapshot() " << worst_ms << " ms, a batch " << batch_ms
                  << " ms");
}

TEST_CASE("training stops by itself after the requested epochs") {
    TrainingSettings settings = quick_settings();
    settings.batch = 50;
    settings.stop_after_epochs = 1;
    TrainingSession session(small_mnist(200, 50), settings);
    session.start();
    const Snapshot stopped = wait_for(session, [](const TrainingSnapshot& s) {
        return s.total_batches > 0 && s.state == TrainingState::Paused;
    });
    CHECK(stopped->total_batches == 4);
    CHECK(stopped->epoch == 1);
    CHECK(contains(stopped->message, "after 1 epochs"));
    CHECK_FALSE(session.running());
    // Starting again does not train past the limit: the thread takes the start back.
    session.start();
    wait_until([&] { return !session.running(); },
               [] { return "the session to refuse a start past stop_after_epochs"; });
    CHECK(snapshot_after_round_trip(session)->total_batches == 4);
}

TEST_CASE("the probe image can be replaced") {
    TrainingSession session(small_mnist(), quick_settings());
    std::vector<float> blank(784, 0.0f);
    blank[14 * 28 + 14] = 1.0f;
    session.set_probe_image(blank);
    const Snapshot now =
        wait_for(session, [&](const TrainingSnapshot& s) { return s.probe.input == blank; });
    CHECK(now->probe.layers[0].shape == Shape{30, 24, 24});
    CHECK(
        contains(input_error_of([&] { session.set_probe_image(std::vector<float>(10)); }), "784"));
}

TEST_CASE("destroying a running session joins its thread") {
    for (int round = 0; round < 3; ++round) {
        auto session = std::make_unique<TrainingSession>(small_mnist(), quick_settings());
        session->start();
        if (round > 0) {
            wait_for(*session, [](const TrainingSnapshot& s) { return s.total_batches >= 1; });
        }
        Snapshot kept = session->snapshot();
        const auto begin = std::chrono::steady_clock::now();
        session = nullptr;  // the destructor stops and joins the training thread
        MESSAGE("the destructor took "
                << std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count()
                << " s (one batch of 20 images, not a whole epoch)");
        // A snapshot the GUI still holds outlives the session.
        CHECK(kept->conv_layers.size() == 1);
    }
}
