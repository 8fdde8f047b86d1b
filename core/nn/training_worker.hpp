// Internal to TrainingSession: everything the training thread alone touches (the
// network, its trainer and probe, the histories and the publishing cadence), and the
// snapshot it builds from them. training_session.cpp steers it between batches.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/nn/network.hpp"
#include "core/nn/trainer.hpp"
#include "core/nn/training_session.hpp"

namespace convscope {

struct TrainingSession::Worker {
    using Clock = std::chrono::steady_clock;

    std::shared_ptr<const MnistData> data;
    TrainingSettings settings;
    Dataset test_sample;
    std::unique_ptr<Network<float>> network;
    std::unique_ptr<Trainer> trainer;  // refers to *network and data->train
    std::unique_ptr<ActivationProbe> probe;
    std::vector<float> probe_image;
    TrainingPace pace;
    TrainingTimeline timeline;
    std::shared_ptr<const BatchInspection> last_batch;
    bool batch_taken = false;  // since start_over
    Clock::time_point last_batch_begin = Clock::now();

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
    void start_over(std::uint64_t seed);
    // Settings accepted by change_settings(): see there what each one starts over.
    void apply_settings(const TrainingSettings& next);
    // One batch; false when training must stop (diverged or finished).
    bool train_one_batch();
    bool publish_due() const;
    // Seconds since the last batch began; -1 before the first.
    double seconds_since_batch() const;
    // The timeline from the weights now: batch 0 alone.
    void restart_timeline();
    // Resets the publishing cadence and throughput counters.
    std::shared_ptr<const TrainingSnapshot> make_snapshot();

  private:
    void add_loss(float loss);
    void record_batch(float loss, const std::vector<float>& parameters_before);
};

}  // namespace convscope
