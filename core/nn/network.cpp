// Sections: the parameter layout (no Network needed); construction (replicas, one per
// thread, sharing one layout); initialisation; splitting a batch over the replicas and
// into chunks; forward and backward of one replica; the batch entry points (loss and
// gradients, evaluate, predict).
#include "core/nn/network.hpp"

#include <algorithm>
#include <map>

#include "core/nn/softmax_loss.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/random.hpp"
#include "core/tensor/thread_pool.hpp"

namespace convscope {

namespace {

const char* kind_name(LayerKind kind) {
    switch (kind) {
        case LayerKind::Convolution:
            return "conv";
        case LayerKind::Affine:
            return "affine";
        default:
            return "layer";
    }
}

}  // namespace

std::vector<ParameterTensor> parameter_layout(const NetworkSpec& spec) {
    std::vector<ParameterTensor> views;
    std::map<LayerKind, int> seen;  // layers of each kind so far: "conv1", "conv2"
    Shape shape = spec.input;
    std::size_t offset = 0;
    for (int i = 0; i < static_cast<int>(spec.layers.size()); ++i) {
        const LayerSpec& layer_spec = spec.layers[static_cast<std::size_t>(i)];
        const auto layer = make_layer<float>(layer_spec, shape);
        const int number = ++seen[layer_spec.kind];
        for (const ParameterTensor& tensor : layer->parameter_tensors()) {
            views.push_back(
                {kind_name(layer_spec.kind) + std::to_string(number) + "." + tensor.name,
                 tensor.shape, offset + tensor.offset, tensor.count, i});
        }
        offset += layer->parameter_count();
        shape = layer->output_shape();
    }
    return views;
}

template <typename Real>
struct Network<Real>::Replica {
    std::vector<std::unique_ptr<Layer<Real>>> layers;
    std::vector<std::vector<Real>> outputs;  // layer i's output (rows, out_i)
    std::vector<Real> d_current;             // gradient ping-pong buffers, whole slice
    std::vector<Real> d_next;
    std::vector<Real> chunk_d_current;  // the same for one chunk of the per-image layers
    std::vector<Real> chunk_d_next;
    std::vector<Real> own_gradients;  // replicas after the first; the first uses the network's
    Real* gradients = nullptr;
    std::unique_ptr<SoftmaxWithLoss<Real>> loss;
    BatchResult<Real> result;  // loss summed (not averaged) over this replica's slice
};

template <typename Real>
Network<Real>::Network(NetworkSpec spec, int max_batch, int threads)
    : spec_(std::move(spec)), max_batch_(max_batch) {
    CS_CHECK(max_batch >= 1 && threads >= 1);
    CS_CHECK(!spec_.layers.empty());
    const int rows = (max_batch + threads - 1) / threads;
    tensors_ = parameter_layout(spec_);

    // All replicas share one parameter layout.
    for (int r = 0; r < threads; ++r) {
        auto replica = std::make_unique<Replica>();
        Shape shape = spec_.input;
        std::size_t offset = 0;
        for (int i = 0; i < layer_count(); ++i) {
            replica->layers.push_back(make_layer<Real>(spec_.layers[i], shape));
            Layer<Real>& layer = *replica->layers.back();
            layer.reserve(rows);
            if (r == 0 && layer.parameter_count() > 0) {
                // Forward, d weights, and d input unless it is the first layer; the
                // weights are all parameters but one bias per output channel.
                const double weights =
                    static_cast<double>(layer.parameter_count()) - layer.output_shape().channels;
                const double products =
                    weights * layer.output_shape().height * layer.output_shape().width;
                training_flops_ += 2 * products * (i == 0 ? 2 : 3);
            }
            offset += layer.parameter_count();
            shape = layer.output_shape();
            replica->outputs.emplace_back(static_cast<std::size_t>(rows) * shape.size());
        }
        if (shape.height != 1 || shape.width != 1) {
            throw InputError("the last layer must give one score per class, got " + shape.text());
        }
        if (r == 0) choose_chunks(*replica);
        // Whole-slice gradients enter the batch layers; chunks, the per-image layers.
        std::size_t batch_largest = static_cast<std::size_t>(shape.channels);
        std::size_t chunk_largest = 0;
        for (int i = 0; i < layer_count(); ++i) {
            const std::size_t size = replica->layers[i]->input_shape().size();
            if (i >= chunked_layers_) batch_largest = std::max(batch_largest, size);
            if (i < chunked_layers_) chunk_largest = std::max(chunk_largest, size);
        }
        if (chunked_layers_ > 0) {
            batch_largest = std::max<std::size_t>(
                batch_largest, replica->layers[chunked_layers_ - 1]->output_shape().size());
        }
        replica->d_current.resize(batch_largest * rows);
        replica->d_next.resize(batch_largest * rows);
        replica->chunk_d_current.resize(chunk_largest * chunk_images_);
        replica->chunk_d_next.resize(chunk_largest * chunk_images_);
        replica->loss = std::make_unique<SoftmaxWithLoss<Real>>(shape.channels);
        replica->loss->reserve(rows);
        if (r == 0) {
            parameters_.assign(offset, Real(0));
            gradients_.assign(offset, Real(0));
            replica->gradients = gradients_.data();
        } else {
            replica->own_gradients.assign(offset, Real(0));
            replica->gradients = replica->own_gradients.data();
        }
        std::size_t position = 0;
        for (auto& layer : replica->layers) {
            layer->bind(parameters_.data() + position, replica->gradients + position);
            position += layer->parameter_count();
        }
        replicas_.push_back(std::move(replica));
    }
    pool_ = std::make_unique<ThreadPool>(threads);
}

template <typename Real>
Network<Real>::~Network() = default;

template <typename Real>
int Network<Real>::threads() const {
    return pool_->size();
}

template <typename Real>
int Network<Real>::classes() const {
    return replicas_[0]->loss->classes();
}

template <typename Real>
Shape Network<Real>::layer_output_shape(int layer) const {
    CS_CHECK(layer >= 0 && layer < layer_count());
    return replicas_[0]->layers[layer]->output_shape();
}

template <typename Real>
void Network<Real>::initialize(std::uint64_t seed) {
    Random random(seed);
    std::size_t position = 0;
    for (auto& layer : replicas_[0]->layers) {
        layer->initialize(parameters_.data() + position, random);
        position += layer->parameter_count();
    }
}

template <typename Real>
void Network<Real>::slice(int batch, int index, int& first, int& count) const {
    const int per_replica = (batch + threads() - 1) / threads();
    first = std::min(batch, index * per_replica);
    count = std::min(batch, first + per_replica) - first;
}

template <typename Real>
void Network<Real>::choose_chunks(const Replica& replica) {
    // The per-image layers: all before the first affine layer, whose weight matrix is
    // better read once for the whole slice than once per chunk.
    chunked_layers_ = 0;
    while (chunked_layers_ < layer_count() &&
           spec_.layers[chunked_layers_].kind != LayerKind::Affine)
        ++chunked_layers_;
    // Enough images that each layer call has work, few enough that a chunk's
    // activations stay in L2 between one layer and the next (SimpleConvNet: 2 images
    // of 172 KB; 1 to 8 measured within a few percent of each other, all ~6% faster
    // than the whole slice at once).
    constexpr std::size_t kChunkBytes = 512 * 1024;
    std::size_t bytes_per_image = 0;
    for (int i = 0; i < chunked_layers_; ++i)
        bytes_per_image += sizeof(Real) * replica.layers[i]->output_shape().size();
    chunk_images_ = static_cast<int>(std::clamp<std::size_t>(
        kChunkBytes / std::max<std::size_t>(1, bytes_per_image), 1, max_batch_));
}

template <typename Real>
const Real* Network<Real>::forward(Replica& replica, const Real* images, int count) {
    const Real* input = images;
    for (int first = 0; first < count && chunked_layers_ > 0; first += chunk_images_) {
        const int images_here = std::min(chunk_images_, count - first);
        const Real* chunk = images + static_cast<std::size_t>(first) * spec_.input.size();
        for (int i = 0; i < chunked_layers_; ++i) {
            Layer<Real>& layer = *replica.layers[i];
            Real* out = replica.outputs[i].data() +
                        static_cast<std::size_t>(first) * layer.output_shape().size();
            layer.forward_images(chunk, out, first, images_here);
            chunk = out;
        }
    }
    if (chunked_layers_ > 0) input = replica.outputs[chunked_layers_ - 1].data();
    for (int i = chunked_layers_; i < layer_count(); ++i) {
        replica.layers[i]->forward(input, replica.outputs[i].data(), count);
        input = replica.outputs[i].data();
    }
    return input;
}

template <typename Real>
void Network<Real>::backward(Replica& replica, int count) {
    for (int i = layer_count() - 1; i >= chunked_layers_; --i) {
        Real* d_input = i > 0 ? replica.d_next.data() : nullptr;  // no one wants d images
        replica.layers[i]->backward(replica.d_current.data(), d_input, count);
        std::swap(replica.d_current, replica.d_next);
    }
    if (chunked_layers_ == 0) return;
    const std::size_t chunk_output = replica.layers[chunked_layers_ - 1]->output_shape().size();
    for (int first = 0; first < count; first += chunk_images_) {
        const int images_here = std::min(chunk_images_, count - first);
        const Real* d_output = replica.d_current.data() + first * chunk_output;
        for (int i = chunked_layers_ - 1; i >= 0; --i) {
            Real* d_input = i > 0 ? replica.chunk_d_next.data() : nullptr;
            replica.layers[i]->backward_images(d_output, d_input, first, images_here);
            std::swap(replica.chunk_d_current, replica.chunk_d_next);
            d_output = replica.chunk_d_current.data();
        }
    }
}

template <typename Real>
BatchResult<Real> Network<Real>::run_loss(const Real* images, const std::uint8_t* labels, int batch,
                                          bool with_gradients, StretchUpdate update) {
    CS_CHECK(batch >= 1 && batch <= max_batch_);
    const std::size_t image_size = static_cast<std::size_t>(spec_.input.size());
    pool_->run(threads(), [&](int index) {
        Replica& replica = *replicas_[index];
        int first, count;
        slice(batch, index, first, count);
        replica.result = {};
        if (with_gradients)
            std::fill(replica.gradients, replica.gradients + parameters_.size(), Real(0));
        if (count == 0) return;
        const Real* logits = forward(replica, images + first * image_size, count);
        replica.result.loss = replica.loss->forward(logits, labels + first, count) * count;
        replica.result.correct = replica.loss->correct_count(count);
        if (!with_gradients) return;
        replica.loss->backward(replica.d_current.data(), count, batch);
        backward(replica, count);
    });
    BatchResult<Real> total;
    for (const auto& replica : replicas_) {
        total.loss += replica->result.loss;
        total.correct += replica->result.correct;
    }
    total.loss /= batch;
    if (!with_gradients) return total;
    // Each thread sums one stretch of the buffer over the replicas, in replica order,
    // then updates it. Stretches are whole cache lines, so threads never share one.
    const std::size_t size = parameters_.size();
    const std::size_t stretch = (size / threads() + 16) / 16 * 16;
    pool_->run(threads(), [&](int index) {
        const std::size_t begin = std::min(size, index * stretch);
        const std::size_t end = std::min(size, begin + stretch);
        for (std::size_t r = 1; r < replicas_.size(); ++r) {
            const Real* source = replicas_[r]->gradients;
            for (std::size_t i = begin; i < end; ++i) gradients_[i] += source[i];
        }
        if (update.call && begin < end) update.call(update.context, begin, end);
    });
    return total;
}

template <typename Real>
BatchResult<Real> Network<Real>::compute_gradients(const Real* images, const std::uint8_t* labels,
                                                   int batch) {
    return run_loss(images, labels, batch, true);
}

template <typename Real>
BatchResult<Real> Network<Real>::evaluate(const Real* images, const std::uint8_t* labels,
                                          int batch) {
    return run_loss(images, labels, batch, false);
}

template <typename Real>
void Network<Real>::predict(const Real* images, int batch, Real* logits) {
    CS_CHECK(batch >= 1 && batch <= max_batch_);
    const std::size_t image_size = static_cast<std::size_t>(spec_.input.size());
    pool_->run(threads(), [&](int index) {
        int first, count;
        slice(batch, index, first, count);
        if (count == 0) return;
        const Real* out = forward(*replicas_[index], images + first * image_size, count);
        std::copy(out, out + static_cast<std::size_t>(count) * classes(),
                  logits + static_cast<std::size_t>(first) * classes());
    });
}

template class Network<float>;
template class Network<double>;

}  // namespace convscope
