// Sections:
//   settings     validation and state names
//   the session  controls (requests under a short lock), snapshots, the training loop
#include "core/nn/training_session.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/nn/training_worker.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

// ---- settings -----------------------------------------------------------------------

namespace {

// `setting`: a translatable word ("the batch size") or a field's name (verbatim).
void require_range(const Message& setting, long value, long low, long high) {
    if (value < low || value > high) {
        throw InputError(
            Message("{setting} must be between {low} and {high}, got {value}",
                    {{"setting", setting}, {"low", low}, {"high", high}, {"value", value}}));
    }
}

void require_field_range(const char* field, long value, long low, long high) {
    require_range(Message::verbatim(field), value, low, high);
}

}  // namespace

void validate_training_settings(const TrainingSettings& s) {
    network_preset(s.network);  // throws for an unknown name
    if (!(s.learning_rate > 0) || !std::isfinite(s.learning_rate) || s.learning_rate > 10) {
        throw InputError(Message("the learning rate must be above 0 and at most 10, got {value}",
                                 {{"value", std::to_string(s.learning_rate)}}));
    }
    require_range(Message("the batch size"), s.batch, 1, 4096);
    require_range(Message("the thread count"), s.threads, 1, 256);
    require_field_range("publish_every_batches", s.publish_every_batches, 1, 1000000);
    require_field_range("publish_interval_ms", s.publish_interval_ms, 1, 3600000);
    require_field_range("accuracy_every_batches", s.accuracy_every_batches, 1, 1000000);
    require_field_range("test_images_per_point", s.test_images_per_point, 0, 100000000);
    require_field_range("stop_after_epochs", s.stop_after_epochs, 0, 1000000);
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

void TrainingSession::set_pace(const TrainingPace& pace) {
    validate_pace(pace);
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        pace_ = pace;
        requests_.pace = pace;
        if (pace.mode == PaceMode::OneStep && run_requested_) {
            run_requested_ = false;
            requests_.state_changed = true;
        }
    }
    control_changed_.notify_all();
}

void TrainingSession::step() {
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        if (run_requested_) {
            run_requested_ = false;
            requests_.state_changed = true;
        }
        ++steps_requested_;
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
        if (run_requested_) {
            throw InputError(Message("pause training before changing its settings"));
        }
        requests_.settings = settings;
        requested_settings_ = settings;
    }
    control_changed_.notify_all();
}

void TrainingSession::change_data(std::shared_ptr<const MnistData> data) {
    CS_CHECK(data != nullptr);
    if (data->train.count == 0 || data->test.count == 0)
        throw InputError(Message("the training and test sets must each hold at least one image"));
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        run_requested_ = false;
        requests_.data = std::move(data);
    }
    control_changed_.notify_all();
}

void TrainingSession::set_probe_image(std::vector<float> image) {
    if (static_cast<int>(image.size()) != probe_size_) {
        throw InputError(Message("the probe image must have {size} values, got {count}",
                                 {{"size", probe_size_}, {"count", image.size()}}));
    }
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        requests_.probe_image = std::move(image);
    }
    control_changed_.notify_all();
}

void TrainingSession::load_parameters(const std::string& architecture,
                                      std::vector<float> parameters) {
    {
        std::lock_guard<std::mutex> lock(control_mutex_);
        const std::string wanted = network_preset(requested_settings_.network).architecture();
        if (architecture != wanted) {
            throw InputError(Message(
                "the weights are for another network:\n  file:    {file}\n  network: {network}",
                {{"file", architecture}, {"network", wanted}}));
        }
        run_requested_ = false;
        requests_.parameters = std::move(parameters);
    }
    control_changed_.notify_all();
}

double TrainingSnapshot::epochs_trained() const {
    return batches_per_epoch > 0 ? double(total_batches) / batches_per_epoch : 0.0;
}

double TrainingSnapshot::loss_point_epoch(int point) const {
    return batches_per_epoch > 0 ? double(point + 1) * batches_per_loss_point / batches_per_epoch
                                 : 0.0;
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

bool TrainingSession::wait_for_work(std::unique_lock<std::mutex>& lock) {
    for (;;) {
        if (quit_) return false;
        if (requests_.any() || steps_requested_ > 0) return true;
        if (!run_requested_) {
            control_changed_.wait(lock);
            continue;
        }
        // Running: a batch now, or a sleep until the pace wants one (woken early by any
        // request), or, one batch per request, a wait for the request.
        const double wait = seconds_until_batch(pace_, worker_->seconds_since_batch());
        if (wait == 0) return true;
        if (wait > 0)
            control_changed_.wait_for(lock, std::chrono::duration<double>(wait));
        else
            control_changed_.wait(lock);
    }
}

void TrainingSession::run_worker() {
    Worker& worker = *worker_;
    for (;;) {
        Requests requests;
        bool run = false;
        bool step = false;
        {
            std::unique_lock<std::mutex> lock(control_mutex_);
            if (!wait_for_work(lock)) return;
            requests = std::exchange(requests_, Requests{});
            run = run_requested_;
            step = !run && steps_requested_ > 0;
            if (step) --steps_requested_;
        }
        bool changed = requests.state_changed;
        if (requests.pace) {
            worker.pace = *requests.pace;
            changed = true;
        }
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
        if (requests.parameters) {
            worker.start_over(worker.settings.seed);
            // The architecture was checked on request; the count follows from it.
            CS_CHECK(requests.parameters->size() == worker.network->parameter_count());
            std::copy(requests.parameters->begin(), requests.parameters->end(),
                      worker.network->parameters());
            worker.restart_timeline();
            changed = true;
        }
        if ((run || step) && worker.state == TrainingState::Diverged) {
            run = step = false;  // only a reset brings a diverged network back
        }
        if (step && worker.finished()) step = false;
        if (run && worker.finished()) {
            // Already at stop_after_epochs: starting again does not train past it.
            std::lock_guard<std::mutex> lock(control_mutex_);
            run_requested_ = false;
            run = false;
        }
        // Slower than full speed, each batch shows: publish every one.
        const bool paced = worker.pace.mode != PaceMode::Full;
        if (step) {
            if (worker.state == TrainingState::Running) worker.state = TrainingState::Paused;
            worker.message.clear();
            worker.train_one_batch();  // stays paused (or diverged) after it
            changed = true;
        } else if (run) {
            if (worker.state != TrainingState::Running) {
                worker.state = TrainingState::Running;
                worker.message.clear();
                changed = true;
            }
            // Woken by a request before the pace wants the next batch: no batch yet.
            const bool due = batch_due(worker.pace, worker.seconds_since_batch());
            if (due && !worker.train_one_batch()) {
                // Stopped by itself: take the run request back so the loop waits.
                std::lock_guard<std::mutex> lock(control_mutex_);
                run_requested_ = false;
                changed = true;
            }
        } else if (worker.state == TrainingState::Running) {
            worker.state = TrainingState::Paused;
            changed = true;
        }
        if (changed || (run && (paced || worker.publish_due()))) publish(worker.make_snapshot());
    }
}

}  // namespace convscope
