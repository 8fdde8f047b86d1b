// Sections:
//   starting     a fresh network, or settings applied to the running one
//   training     one batch, the loss and accuracy histories
//   publishing   the cadence and the snapshot
#include "core/nn/training_worker.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace convscope {

namespace {

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

// ---- starting -----------------------------------------------------------------------

void TrainingSession::Worker::start_over(std::uint64_t seed) {
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
    last_batch.reset();
    batch_taken = false;
    restart_timeline();
}

void TrainingSession::Worker::restart_timeline() {
    timeline.clear();
    TimelineEntry first;
    first.conv_layers =
        conv_filters(network->spec(), network->parameter_tensors(), network->parameters(), nullptr);
    first.probe = probe->run(network->parameters(), probe_image.data());
    timeline.add(std::move(first));
}

void TrainingSession::Worker::apply_settings(const TrainingSettings& next) {
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
    trainer = std::make_unique<Trainer>(*network, data->train, next.optimizer, next.learning_rate,
                                        shuffle_seed);
}

// ---- training -----------------------------------------------------------------------

void TrainingSession::Worker::add_loss(float loss) {
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

void TrainingSession::Worker::record_batch(float loss, const std::vector<float>& before) {
    if (!before.empty()) {
        auto inspection = std::make_shared<BatchInspection>(
            inspect_batch(network->spec(), before.data(), trainer->last_batch_images(),
                          trainer->last_batch_labels(), trainer->last_batch_size()));
        inspection->batch = total_batches;
        last_batch = std::move(inspection);
    } else {
        last_batch.reset();
    }
    if (!timeline.wants(total_batches)) return;
    TimelineEntry entry;
    entry.batch = total_batches;
    entry.loss = loss;
    entry.conv_layers =
        conv_filters(network->spec(), network->parameter_tensors(), network->parameters(), nullptr);
    entry.probe = probe->run(network->parameters(), probe_image.data());
    timeline.add(std::move(entry));
}

bool TrainingSession::Worker::train_one_batch() {
    const Clock::time_point begin = Clock::now();
    last_batch_begin = begin;
    batch_taken = true;
    // Slower than full speed there is time to lay the batch open, from these weights.
    std::vector<float> before;
    if (pace.mode != PaceMode::Full)
        before.assign(network->parameters(), network->parameters() + network->parameter_count());
    const BatchResult<float> result = trainer->train_batch();
    training_seconds_since_publish += std::chrono::duration<double>(Clock::now() - begin).count();
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
    record_batch(result.loss, before);
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

// ---- publishing ---------------------------------------------------------------------

double TrainingSession::Worker::seconds_since_batch() const {
    if (!batch_taken) return -1;
    return std::chrono::duration<double>(Clock::now() - last_batch_begin).count();
}

bool TrainingSession::Worker::publish_due() const {
    const auto interval = std::chrono::milliseconds(settings.publish_interval_ms);
    return batches_since_publish >= settings.publish_every_batches ||
           Clock::now() - last_publish >= interval;
}

std::shared_ptr<const TrainingSnapshot> TrainingSession::Worker::make_snapshot() {
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
        conv_filters(network->spec(), network->parameter_tensors(), network->parameters(),
                     settings.include_gradients ? network->gradients() : nullptr);
    snapshot->probe = probe->run(network->parameters(), probe_image.data());
    snapshot->pace = pace;
    snapshot->last_batch = last_batch;
    snapshot->timeline = timeline.entries();
    snapshot->parameters = std::make_shared<const std::vector<float>>(
        network->parameters(), network->parameters() + network->parameter_count());
    return snapshot;
}

}  // namespace convscope
