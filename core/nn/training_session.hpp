// Live training for the window: a Trainer on its own thread, steered by start, pause,
// reset and settings changes, and watched through immutable snapshots.
//
// Threading (DESIGN "Architecture"): the training thread alone touches the network,
// trainer and optimizer. Every `publish_every_batches` batches or `publish_interval_ms`
// milliseconds, whichever comes first, and whenever its state changes, it builds a new
// TrainingSnapshot off to the side and swaps it in under a mutex held only for that
// pointer swap. snapshot() takes the same mutex just to copy the pointer, so the GUI
// never waits for a batch; a snapshot is never modified once published, so the GUI may
// read it for as long as it holds it.
//
// Controls are requests: start(), pause(), reset() and the setters return at once; the
// training thread applies them between batches, and the next snapshot shows the result
// (within one batch).
//
//   auto session = std::make_unique<TrainingSession>(data, TrainingSettings{});
//   session->start();
//   // each frame:
//   std::shared_ptr<const TrainingSnapshot> now = session->snapshot();
//   if (now->version != drawn_version) { ... redraw curves, kernels, maps ... }
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/formats/mnist_idx.hpp"
#include "core/nn/batch_gradients.hpp"
#include "core/nn/conv_filters.hpp"
#include "core/nn/network_probe.hpp"
#include "core/nn/optimizer.hpp"
#include "core/nn/training_pace.hpp"
#include "core/nn/training_timeline.hpp"

namespace convscope {

struct TrainingSettings {
    std::string network = "simpleconvnet";  // a preset name (network_preset_names())
    OptimizerKind optimizer = OptimizerKind::Adam;
    float learning_rate = 0.001f;
    int batch = 100;
    int threads = 1;         // threads across the batch; leave a core for the window
    std::uint64_t seed = 1;  // initialisation and shuffling; reset() replaces it

    int publish_every_batches = 10;
    int publish_interval_ms = 100;
    // One accuracy point every this many batches: train accuracy over those batches,
    // test accuracy on the first `test_images_per_point` test images (0: all of them).
    int accuracy_every_batches = 50;
    int test_images_per_point = 500;
    bool include_gradients = true;  // copy the conv weights' gradients into snapshots
    int stop_after_epochs = 0;      // pause by itself after this many epochs; 0: never
};

// InputError naming the setting and its bounds.
void validate_training_settings(const TrainingSettings& settings);

enum class TrainingState {
    Paused,  // not training: never started, paused, reset, or stopped (see `message`)
    Running,
    Diverged,  // the loss stopped being finite; reset to go on
};
const char* training_state_name(TrainingState state);  // "paused", "running", "diverged"

struct AccuracyPoint {
    long batch = 0;    // total batches trained when measured
    double epoch = 0;  // epochs as a fraction: the x axis of the curves
    float train = 0;   // over the batches since the previous point
    float test = 0;    // on the test images (see TrainingSettings)
};

struct TrainingSnapshot {
    std::uint64_t version = 0;  // grows by one per publish: redraw only when it changes
    TrainingState state = TrainingState::Paused;
    std::string message;        // why training stopped by itself ("" otherwise)
    TrainingSettings settings;  // in force for these numbers
    std::string architecture;   // NetworkSpec::architecture()
    std::size_t parameter_count = 0;
    int train_images = 0;
    int test_images = 0;

    int epoch = 0;  // counted from 0
    int batch_in_epoch = 0;
    int batches_per_epoch = 0;
    double epoch_progress = 0;  // batch_in_epoch / batches_per_epoch
    long total_batches = 0;
    long images_seen = 0;
    double images_per_second = 0;  // over the last publish interval, training time only

    // Mean loss per point; each point averages batches_per_loss_point batches (doubling
    // as the history grows, so it stays at most kMaxLossPoints long).
    std::vector<float> loss_history;
    int batches_per_loss_point = 1;
    std::vector<AccuracyPoint> accuracy_history;

    std::vector<ConvFilters> conv_layers;
    NetworkActivations probe;
    // Every parameter as Network<float> lays them out (what Save weights writes).
    std::shared_ptr<const std::vector<float>>
        parameters;  // every layer's output for the probe image

    TrainingPace pace;  // in force
    // The last batch laid open; null at full speed (only a slower pace takes the time).
    std::shared_ptr<const BatchInspection> last_batch;
    // Filters and probe maps along the run, for the replay timeline (batch order).
    std::vector<std::shared_ptr<const TimelineEntry>> timeline;

    // Where the curves put things, in epochs as a fraction (0 before an epoch has a
    // size): all the batches trained, and the end of loss point `point`.
    double epochs_trained() const;
    double loss_point_epoch(int point) const;
};

constexpr int kMaxLossPoints = 2048;

class TrainingSession {
  public:
    // data: the training and test sets, shared so the GUI can keep showing its images.
    // InputError for invalid settings. The first snapshot (paused, freshly initialised
    // network) is published before the constructor returns.
    TrainingSession(std::shared_ptr<const MnistData> data, TrainingSettings settings = {});
    // Stops the training thread after its current batch and joins it.
    ~TrainingSession();
    TrainingSession(const TrainingSession&) = delete;
    TrainingSession& operator=(const TrainingSession&) = delete;

    void start();  // start or resume
    void resume() { start(); }
    void pause();
    // Pauses, throws the network away and starts over from `seed`: new weights, new
    // shuffle, empty histories.
    void reset(std::uint64_t seed);
    // New settings, applied while paused (InputError if training runs, or for invalid
    // values). A different network or data starts over like reset(); a different batch
    // size, thread count, optimizer or learning rate keeps the weights and starts a fresh
    // epoch with a fresh optimizer state; publishing options just take effect.
    void change_settings(const TrainingSettings& settings);
    // Another training and test set: starts over like reset().
    void change_data(std::shared_ptr<const MnistData> data);
    // The image whose activations snapshots carry (the network's input size, values in
    // [0, 1]); by default the first test image. InputError for a wrong size.
    void set_probe_image(std::vector<float> image);
    // Replaces the network's weights with `parameters`, saved for `architecture`
    // (NetworkSpec::architecture()), and starts over from them like reset(): paused, empty
    // histories, a fresh optimizer. InputError, the network untouched, when the
    // architecture is not the one the settings ask for.
    void load_parameters(const std::string& architecture, std::vector<float> parameters);

    // How fast batches come while running (takes effect at once, even while running);
    // OneStep also pauses. InputError for a rate out of bounds.
    void set_pace(const TrainingPace& pace);
    // Exactly one batch, then paused (each call one more batch; no busy waiting).
    void step();

    // The latest snapshot: a pointer copy under a short lock. Never waits for a batch.
    std::shared_ptr<const TrainingSnapshot> snapshot() const;
    // Whether training has been asked to run (the snapshot's state follows within a batch).
    bool running() const;

  private:
    struct Worker;  // everything the training thread alone touches
    struct Requests {
        bool state_changed = false;  // start or pause: publish the new state at once
        std::optional<std::uint64_t> reset_seed;
        std::optional<TrainingSettings> settings;
        std::shared_ptr<const MnistData> data;
        std::optional<std::vector<float>> probe_image;
        std::optional<std::vector<float>> parameters;
        std::optional<TrainingPace> pace;
        bool any() const {
            return state_changed || reset_seed || settings || data || probe_image || parameters ||
                   pace;
        }
    };

    void run_worker();
    // Waits (the lock held by `lock`) until there is something to do; false to quit.
    bool wait_for_work(std::unique_lock<std::mutex>& lock);
    void publish(std::shared_ptr<const TrainingSnapshot> snapshot);

    std::unique_ptr<Worker> worker_;
    int probe_size_ = 0;  // values in a probe image (fixed by the network's input shape)

    mutable std::mutex control_mutex_;
    std::condition_variable control_changed_;
    bool run_requested_ = false;
    int steps_requested_ = 0;
    TrainingPace pace_;  // what the training thread paces by
    bool quit_ = false;
    Requests requests_;
    TrainingSettings requested_settings_;  // what change_settings() last accepted

    mutable std::mutex snapshot_mutex_;
    std::shared_ptr<const TrainingSnapshot> latest_;

    std::thread thread_;  // last: started when everything above exists
};

}  // namespace convscope
