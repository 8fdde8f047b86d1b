#include "core/nn/trainer.hpp"

#include <algorithm>
#include <numeric>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// Copies images order[first, first + count) of `data` into the batch buffers.
void gather(const Dataset& data, const int* order, int count, float* images, std::uint8_t* labels) {
    for (int i = 0; i < count; ++i) {
        data.image_as_floats(order[i], images + static_cast<std::size_t>(i) * data.image_size());
        labels[i] = data.labels[order[i]];
    }
}

void require_input_fits(const Network<float>& network, const Dataset& data) {
    const Shape input = network.spec().input;
    if (input.channels != 1 || input.height != data.rows || input.width != data.cols) {
        throw InputError("the network takes " + input.text() + " images, the data holds 1x" +
                         std::to_string(data.rows) + "x" + std::to_string(data.cols));
    }
}

}  // namespace

Trainer::Trainer(Network<float>& network, const Dataset& train, OptimizerKind optimizer,
                 float learning_rate, std::uint64_t seed)
    : network_(network),
      train_(train),
      optimizer_(make_optimizer(optimizer, learning_rate, network.parameter_count())),
      base_rate_(learning_rate),
      random_(seed ^ 0x5851f42d4c957f2dULL),  // a stream apart from the initialisation's
      order_(train.count),
      images_(static_cast<std::size_t>(network.max_batch()) * train.image_size()),
      labels_(network.max_batch()) {
    if (train.count == 0) throw InputError("the training set is empty");
    require_input_fits(network, train);
    std::iota(order_.begin(), order_.end(), 0);
    random_.shuffle(order_);
}

int Trainer::batches_per_epoch() const {
    return (train_.count + network_.max_batch() - 1) / network_.max_batch();
}

void Trainer::set_schedule(LrDecay decay, long total_steps) {
    CS_CHECK(total_steps >= 1);
    decay_ = decay;
    total_steps_ = total_steps;
}

BatchResult<float> Trainer::train_batch() {
    if (next_batch_ == batches_per_epoch()) {
        ++epoch_;
        next_batch_ = 0;
        random_.shuffle(order_);
    }
    const int first = next_batch_ * network_.max_batch();
    const int count = std::min(network_.max_batch(), train_.count - first);
    gather(train_, order_.data() + first, count, images_.data(), labels_.data());
    Optimizer& optimizer = *optimizer_;
    optimizer.set_learning_rate(
        scheduled_learning_rate(decay_, base_rate_, steps_done_++, total_steps_));
    float* parameters = network_.parameters();
    optimizer.begin_step();
    const BatchResult<float> result = network_.train_step(
        images_.data(), labels_.data(), count, [&](std::size_t begin, std::size_t end) {
            optimizer.update(parameters, network_.gradients(), begin, end);
        });
    ++next_batch_;
    last_batch_size_ = count;
    return result;
}

TrainerState Trainer::state() const {
    return {epoch_, next_batch_, steps_done_, random_.state(), order_, optimizer_->state()};
}

void Trainer::restore(const TrainerState& state) {
    const bool fits = state.order.size() == order_.size() && state.next_batch >= 0 &&
                      state.next_batch <= batches_per_epoch() && state.epoch >= 0 &&
                      state.steps_done >= 0;
    bool buffers_fit = state.optimizer.buffers.size() == optimizer_->state().buffers.size();
    for (const std::vector<float>& buffer : state.optimizer.buffers) {
        buffers_fit = buffers_fit && buffer.size() == optimizer_->count();
    }
    if (!fits || !buffers_fit) {
        throw InputError("the training state does not fit this network and data");
    }
    for (int index : state.order) {
        if (index < 0 || index >= train_.count) {
            throw InputError("the training state's image order is not of this data");
        }
    }
    epoch_ = state.epoch;
    next_batch_ = state.next_batch;
    steps_done_ = state.steps_done;
    random_.set_state(state.random_state);
    order_ = state.order;
    optimizer_->restore(state.optimizer);
}

double evaluate_accuracy(Network<float>& network, const Dataset& data) {
    if (data.count == 0) return 0.0;
    require_input_fits(network, data);
    const int batch = network.max_batch();
    std::vector<float> images(static_cast<std::size_t>(batch) * data.image_size());
    std::vector<int> order(batch);
    std::vector<std::uint8_t> labels(batch);
    long correct = 0;
    for (int first = 0; first < data.count; first += batch) {
        const int count = std::min(batch, data.count - first);
        std::iota(order.begin(), order.begin() + count, first);
        gather(data, order.data(), count, images.data(), labels.data());
        correct += network.evaluate(images.data(), labels.data(), count).correct;
    }
    return static_cast<double>(correct) / data.count;
}

}  // namespace convscope
