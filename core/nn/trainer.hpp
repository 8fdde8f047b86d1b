// Mini-batch training of a network on a Dataset: shuffles every epoch, gathers a
// batch into buffers sized once, computes gradients, lets the optimizer step.
// The CLI loops over train_batch(); the GUI's training thread will do the same.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/formats/mnist_idx.hpp"
#include "core/nn/lr_schedule.hpp"
#include "core/nn/network.hpp"
#include "core/nn/optimizer.hpp"
#include "core/tensor/random.hpp"

namespace convscope {

// Everything a Trainer carries from one step to the next besides the network's weights:
// a checkpoint stores it so a resumed run takes the same steps as an uninterrupted one.
struct TrainerState {
    int epoch = 0;
    int next_batch = 0;
    long steps_done = 0;  // the learning-rate schedule's position
    std::uint64_t random_state = 0;
    std::vector<int> order;  // this epoch's image order
    OptimizerState optimizer;
};

class Trainer {
  public:
    // Batches hold network.max_batch() images (the last of an epoch may hold fewer).
    // The order of the images depends on `seed` alone.
    Trainer(Network<float>& network, const Dataset& train, OptimizerKind optimizer,
            float learning_rate, std::uint64_t seed);

    int batches_per_epoch() const;
    int epoch() const { return epoch_; }  // counted from 0
    int batch_in_epoch() const { return next_batch_; }
    const Optimizer& optimizer() const { return *optimizer_; }

    // From the next step on, the rate follows `decay` from the rate given at construction
    // over a run of `total_steps` steps (all epochs' batches). The default is LrDecay::None.
    void set_schedule(LrDecay decay, long total_steps);

    // One step on the next batch: forward, backward, update. Starts a new, reshuffled
    // epoch when the current one is done.
    BatchResult<float> train_batch();
    // How many images the last train_batch() used.
    int last_batch_size() const { return last_batch_size_; }
    // The last train_batch()'s images (last_batch_size() x the image) and labels.
    const float* last_batch_images() const { return images_.data(); }
    const std::uint8_t* last_batch_labels() const { return labels_.data(); }

    TrainerState state() const;
    // Goes on from `state` (taken from a Trainer on the same data, network and optimizer
    // kind); InputError when its sizes do not fit this one.
    void restore(const TrainerState& state);

  private:
    Network<float>& network_;
    const Dataset& train_;
    std::unique_ptr<Optimizer> optimizer_;
    float base_rate_;
    LrDecay decay_ = LrDecay::None;
    long total_steps_ = 1;
    long steps_done_ = 0;
    Random random_;
    std::vector<int> order_;
    int epoch_ = 0;
    int next_batch_ = 0;
    int last_batch_size_ = 0;
    std::vector<float> images_;
    std::vector<std::uint8_t> labels_;
};

// The fraction of `data` the network classifies correctly, in batches of max_batch().
double evaluate_accuracy(Network<float>& network, const Dataset& data);

}  // namespace convscope
