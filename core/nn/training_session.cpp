#include "core/nn/training_session.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "core/nn/network.hpp"
#include "core/nn/trainer.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

using Clock = std::chrono::steady_clock;

void require_range(const char* name, long value, long low, long high) {
    if (value < low || value > high) {
        throw InputError(std::string(name) + " must be between " + std::to_string(low) + " and " +
                         std::to_string(high) + ", got " + std::to_string(value));
    }
}

// The first `count` images of `data` (all when count is 0 or too large).
Dataset first_images(const Dataset& data, int count) {
    if (count <= 0 || count >= data.count) return data;
    Dataset part = data;
    part.count = count;
    part.pixels.resize(static_cast<std::size_t>(count) * data.image_size());
    part.labels.resize(static_cast<std::size_t>(count));
    return part;
}

}  // namespace

void validate_training_settings(const TrainingSettings& s) {
    network_preset(s.network);  // throws for an unknown name
    if (!(s.learning_rate > 0) || !std::isfinite(s.learning_rate) || s.learning_rate > 10) {
        throw InputError("the learning rate must be above 0 and at most 10, got " +
                         std::to_string(s.learning_rate));
    }
    require_range("the batch size", s.batch, 1, 4096);
    require_range("the thread count", s.threads, 1, 256);
    require_range("publish_every_batches", s.publish_every_batches, 1, 1000000);
    require_range("publish_interval_ms", s.publish_interval_ms, 1, 3600000);
    require_range("accuracy_every_batches", s.accuracy_every_batches, 1, 1000000);
    require_range("test_images_per_point", s.test_images_per_point, 0, 100000000);
    require_range("stop_after_epochs", s.stop_after_epochs, 0, 1000000);
}

const char* training_state_name(TrainingState state) {
    switch (state) {
        case TrainingState::Paused:
            return "paused";
        case TrainingState::Running:
            return "running";
        case TrainingState::Diverged:
            return "diverged";
    }
    return "?";
}

// ---- the training thread's own state ------------------------------------------------

struct TrainingSession::Worker {
    std::shared_ptr<const MnistData> data;
    TrainingSettings settings;
    Dataset test_sample;
    std::unique_ptr<Network<float>> network;
    std::unique_ptr<Trainer> trainer;  // refers to *network and data->train
    std::unique_ptr<ActivationProbe> probe;
    std::vector<float> probe_image;

    TrainingState state = TrainingState::Paused;
    std::string message;
    std::uint64_t version = 0;

    int epochs_before_trainer = 0;  // epochs finished by earlier trainers (settings changes)
    long total_batches = 0;
    long images_seen = 0;
    std::vector<float> loss_history;
    int batches_per_loss_point = 1;
    double pending_loss_sum = 0;
    int pending_loss_batches = 0;
    std::vector<AccuracyPoint> accuracy_history;
    long correct_since_point = 0;
    long images_since_point = 0;
    int batches_since_point = 0;

    // Throughput and publishing cadence.
    double training_seconds_since_publish = 0;
    long images_since_publish = 0;
    double images_per_second = 0;
    int batches_since_publish = 0;
    Clock::time_point last_publish = Clock::now();

    // Whole epochs done. The Trainer moves to its next epoch only when the next batch
    // starts, so an epoch whose last batch has run counts as done here.
    int epoch() const {
        const bool epoch_complete = trainer->batch_in_epoch() == trainer->batches_per_epoch();
        return epochs_before_trainer + trainer->epoch() + (epoch_complete ? 1 : 0);
    }
    int batch_in_epoch() const { return trainer->batch_in_epoch() % trainer->batches_per_epoch(); }
    bool finished() const {
        return settings.stop_after_epochs > 0 && epoch() >= settings.stop_after_epochs;
    }

    // A new network from `seed`, empty histories.
    void start_over(std::uint64_t seed) {
        settings.seed = seed;
        trainer.reset();
        network = std::make_unique<Network<float>>(network_preset(settings.network), settings.batch,
                                                   settings.threads);
        network->initialize(seed);
        trainer = std::make_unique<Trainer>(*network, data->train, settings.optimizer,
                                            settings.learning_rate, seed);
        probe = std::make_unique<ActivationProbe>(network->spec());
        test_sample = first_images(data->test, settings.test_images_per_point);
        if (probe_image.size() != static_cast<std::size_t>(network->spec().input.size())) {
            probe_image.assign(static_cast<std::size_t>(network->spec().input.size()), 0.0f);
            if (data->test.count > 0) data->test.image_as_floats(0, probe_image.data());
        }
        state = TrainingState::Paused;
        message.clear();
        epochs_before_trainer = 0;
        total_batches = images_seen = 0;
        loss_history.clear();
        batches_per_loss_point = 1;
        pending_loss_sum = 0;
        pending_loss_batches = 0;
        accuracy_history.clear();
        correct_since_point = images_since_point = 0;
        batches_since_point = 0;
        training_seconds_since_publish = 0;
        images_since_publish = 0;
        images_per_second = 0;
        batches_since_publish = 0;
    }

    void apply_settings(const TrainingSettings& next) {
        const TrainingSettings previous = settings;
        settings = next;
        if (next.network != previous.network) {
            start_over(next.seed);
            return;
        }
        if (next.test_images_per_point != previous.test_images_per_point)
            test_sample = first_images(data->test, next.test_images_per_point);
        const bool new_network = next.batch != previous.batch || next.threads != previous.threads;
        const bool new_trainer = new_network || next.optimizer != previous.optimizer ||
                                 next.learning_rate != previous.learning_rate;
        if (!new_trainer) return;
        // The weights carry over; the next batch starts a fresh epoch (counted as such)
        // with a fresh optimizer state.
        epochs_before_trainer = epoch() + (batch_in_epoch() > 0 ? 1 : 0);
        trainer.reset();
        if (new_network) {
            auto replacement =
                std::make_unique<Network<float>>(network->spec(), next.batch, next.threads);
            std::copy(network->parameters(), network->parameters() + network->parameter_count(),
                      replacement->parameters());
            network = std::move(replacement);
        }
        // Another shuffle than the first trainer's, still fixed by the seed.
        const std::uint64_t shuffle_seed =
            settings.seed + static_cast<std::uint64_t>(epochs_before_trainer);
        trainer = std::make_unique<Trainer>(*network, data->train, next.optimizer,
                                            next.learning_rate, shuffle_seed);
    }

    void add_loss(float loss) {
        pending_loss_sum += loss;
        if (++pending_loss_batches < batches_per_loss_point) return;
        loss_history.push_back(static_cast<float>(pending_loss_sum / pending_loss_batches));
        pending_loss_sum = 0;
        pending_loss_batches = 0;
        if (static_cast<int>(loss_history.size()) < kMaxLossPoints) return;
        // Full: merge neighbours, halving the points and doubling what each one covers.
        std::vector<float> merged;
        for (std::size_t i = 0; i + 1 < loss_history.size(); i += 2)
            merged.push_back(0.5f * (loss_history[i] + loss_history[i + 1]));
        loss_history = std::move(merged);
        batches_per_loss_point *= 2;
    }

    // One batch; false when training must stop (diverged or finished).
    bool train_one_batch() {
        const Clock::time_point begin = Clock::now();
        const BatchResult<float> result = trainer->train_batch();
        training_seconds_since_publish +=
            std::chrono::duration<double>(Clock::now() - begin).count();
        const int images = trainer->last_batch_size();
        ++total_batches;
        ++batches_since_publish;
        images_seen += images;
        images_since_publish += images;
        if (!std::isfinite(result.loss)) {
            state = TrainingState::Diverged;
            message =
                "training diverged (the loss is not finite): reset, perhaps with a "
                "smaller learning rate";
            return false;
        }
        add_loss(result.loss);
        correct_since_point += result.correct;
        images_since_point += images;
        if (++batches_since_point >= settings.accuracy_every_batches) {
            AccuracyPoint point;
            point.batch = total_batches;
            point.epoch = epoch() + double(batch_in_epoch()) / trainer->batches_per_epoch();
            point.train = static_cast<float>(double(correct_since_point) / images_since_point);
            point.test = static_cast<float>(evaluate_accuracy(*network, test_sample));
            accuracy_history.push_back(point);
            correct_since_point = images_since_point = 0;
            batches_since_point = 0;
        }
        if (finished()) {
            state = TrainingState::Paused;
            message = "stopped after " + std::to_string(settings.stop_after_epochs) + " epochs";
            return false;
        }
        return true;
    }

    bool publish_due() const {
        const auto interval = std::chrono::milliseconds(settings.publish_interval_ms);
        return batches_since_publish >= settings.publish_every_batches ||
               Clock::now() - last_publish >= interval;
    }

    std::shared_ptr<const TrainingSnapshot> make_snapshot() {
        if (training_seconds_since_publish > 0)
            images_per_second = images_since_publish / training_seconds_since_publish;
        training_seconds_since_publish = 0;
        images_since_publish = 0;
        batches_since_publish = 0;
        last_publish = Clock::now();

        auto snapshot = std::make_shared<TrainingSnapshot>();
        snapshot->version = ++version;
        snapshot->state = state;
        snapshot->message = message;
        snapshot->settings = settings;
        snapshot->architecture = network->architecture();
        snapshot->parameter_count = network->parameter_count();
        snapshot->train_images = data->train.count;
        snapshot->test_images = data->test.count;
        snapshot->epoch = epoch();
        snapshot->batch_in_epoch = batch_in_epoch();
        snapshot->batches_per_epoch = trainer->batches_per_epoch();
        snapshot->epoch_progress = double(batch_in_epoch()) / trainer->batches_per_epoch();
        snapshot->total_batches = total_batches;
        snapshot->images_seen = images_seen;
        snapshot->images_per_second = images_per_second;
        snapshot->loss_history = loss_history;
        snapshot->batches_per_loss_point = batches_per_loss_point;
        snapshot->accuracy_history = accuracy_history;

        snapshot->conv_layers =
            conv_filters(network->spec(), network->parameter_views(), network->parameters(),
                         settings.include_gradients ? network->gradients() : nullptr);
        snapshot->probe = probe->run(network->parameters(), probe_image.data());
        return snapshot;
    }
};

// ---- the session --------------------------------------------------------------------

TrainingSession::TrainingSession(std::shared_ptr<const MnistData> data, TrainingSettings settings)
    : worker_(std::make_unique<Worker>()) {
    CS_CHECK(data != nullptr);
    validate_training_settings(settings);
    worker_->data = std::move(data);
    worker_->settings = settings;
    worker_->start_over(settings.seed);
    probe_size_ = static_cast<int>(worker_->probe_image.size());
    requested_settings_ = settings;
    latest_ = worker_->make_snapshot();
    // Built before the thread starts: creating it orders every write above before the
    // thread's first read.
    thread_ = std::thread([this] { run_worker(); });
}

TrainingSession::~TrainingSession() {
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        quit_ = true;
    }
    control_changed_.notify_all();
    thread_.join();
}

void TrainingSession::start() {
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        run_requested_ = true;
        requests_.state_changed = true;
    }
    control_changed_.notify_all();
}

void TrainingSession::pause() {
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        run_requested_ = false;
        requests_.state_changed = true;
    }
    control_changed_.notify_all();
}

void TrainingSession::reset(std::uint64_t seed) {
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        run_requested_ = false;
        requests_.reset_seed = seed;
        requested_settings_.seed = seed;
    }
    control_changed_.notify_all();
}

void TrainingSession::change_settings(const TrainingSettings& settings) {
    validate_training_settings(settings);
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        if (run_requested_) throw InputError("pause training before changing its settings");
        requests_.settings = settings;
        requested_settings_ = settings;
    }
    control_changed_.notify_all();
}

void TrainingSession::change_data(std::shared_ptr<const MnistData> data) {
    CS_CHECK(data != nullptr);
    if (data->train.count == 0 || data->test.count == 0)
        throw InputError("the training and test sets must each hold at least one image");
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        run_requested_ = false;
        requests_.data = std::move(data);
    }
    control_changed_.notify_all();
}

void TrainingSession::set_probe_image(std::vector<float> image) {
    if (static_cast<int>(image.size()) != probe_size_) {
        throw InputError("the probe image must have " + std::to_string(probe_size_) +
                         " values, got " + std::to_string(image.size()));
    }
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        requests_.probe_image = std::move(image);
    }
    control_changed_.notify_all();
}

std::shared_ptr<const TrainingSnapshot> TrainingSession::snapshot() const {
    std::lock_guard<std::mutex> lock(snapshot_mutex_);
    return latest_;
}

bool TrainingSession::running() const {
    std::lock_guard<std::mutex> lock(control_mutex_);
    return run_requested_;
}

void TrainingSession::publish(std::shared_ptr<const TrainingSnapshot> snapshot) {
    std::lock_guard<std::mutex> lock(snapshot_mutex_);
    latest_.swap(snapshot);
    // The previous snapshot is freed here or by the last GUI frame still holding it.
}

void TrainingSession::run_worker() {
    Worker& worker = *worker_;
    for (;;) {
        Requests requests;
        bool run = false;
        {
            std::unique_lock<std::mutex> lock(control_mutex_);
            control_changed_.wait(lock, [&] { return quit_ || run_requested_ || requests_.any(); });
            if (quit_) return;
            requests = std::exchange(requests_, Requests{});
            run = run_requested_;
        }
        bool changed = requests.state_changed;
        if (requests.data) {
            worker.data = requests.data;
            worker.start_over(worker.settings.seed);
            changed = true;
        }
        if (requests.settings) {
            worker.apply_settings(*requests.settings);
            changed = true;
        }
        if (requests.reset_seed) {
            worker.start_over(*requests.reset_seed);
            changed = true;
        }
        if (requests.probe_image) {
            worker.probe_image = std::move(*requests.probe_image);
            changed = true;
        }
        if (run && worker.state == TrainingState::Diverged) {
            run = false;  // only a reset brings a diverged network back
        }
        if (run && worker.finished()) {
            // Already at stop_after_epochs: starting again does not train past it.
            std::lock_guard<std::mutex> lock(control_mutex_);
            run_requested_ = false;
            run = false;
        }
        if (run) {
            if (worker.state != TrainingState::Running) {
                worker.state = TrainingState::Running;
                worker.message.clear();
                changed = true;
            }
            if (!worker.train_one_batch()) {
                // Stopped by itself: take the run request back so the loop waits.
                std::lock_guard<std::mutex> lock(control_mutex_);
                run_requested_ = false;
                changed = true;
            }
        } else if (worker.state == TrainingState::Running) {
            worker.state = TrainingState::Paused;
            changed = true;
        }
        if (changed || (run && worker.publish_due())) publish(worker.make_snapshot());
    }
}

}  // namespace convscope
