#include "core/onnx/onnx_runner.hpp"

#include <algorithm>
#include <cstring>

#include "core/nn/activation_layers.hpp"
#include "core/nn/affine_layer.hpp"
#include "core/nn/conv_layer.hpp"
#include "core/nn/pool_layer.hpp"
#include "core/onnx/onnx_layers.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/thread_pool.hpp"

namespace convscope {

namespace {

// The layer that computes `layer`, or null for those run in place of one: Flatten,
// Reshape and a folded BatchNorm only rename their input's values; Add and Concat read
// two or more inputs.
std::unique_ptr<Layer<float>> make_layer(const OnnxLayer& layer) {
    switch (layer.kind) {
        case OnnxOp::Conv:
            return std::make_unique<ConvolutionLayer<float>>(layer.input, layer.output.channels,
                                                             layer.kernel_h, layer.kernel_w,
                                                             layer.options, layer.groups);
        case OnnxOp::ConvTranspose:
            return std::make_unique<TransposedConvLayer>(layer);
        case OnnxOp::Dense:
            return std::make_unique<AffineLayer<float>>(layer.input, layer.output.channels);
        case OnnxOp::MaxPool:
        case OnnxOp::AveragePool:
        case OnnxOp::GlobalAveragePool:
            return std::make_unique<PoolingLayer<float>>(
                layer.input, layer.kind == OnnxOp::MaxPool ? PoolKind::Max : PoolKind::Average,
                layer.kernel_h, layer.kernel_w, layer.options);
        case OnnxOp::Relu:
            return std::make_unique<ReluLayer<float>>(layer.input);
        case OnnxOp::LeakyRelu:
        case OnnxOp::Sigmoid:
        case OnnxOp::Tanh:
            return std::make_unique<ActivationLayer>(layer.input, layer.kind, layer.alpha);
        case OnnxOp::Softmax:
            return std::make_unique<SoftmaxLayer>(layer.input);
        case OnnxOp::Pad:
            return std::make_unique<PadLayer>(layer.input, layer.output, layer.pad_top,
                                              layer.pad_left);
        case OnnxOp::BatchNorm:
            if (layer.folded) return nullptr;
            return std::make_unique<ScaleShiftLayer>(layer.input);
        default:
            return nullptr;
    }
}

// A layer's input that is the model's input reads the images; others, a layer's values.
bool aliases(const OnnxLayer& layer) {
    return layer.kind == OnnxOp::Flatten || layer.kind == OnnxOp::Reshape ||
           (layer.kind == OnnxOp::BatchNorm && layer.folded);
}

}  // namespace

struct OnnxRunner::Replica {
    std::vector<std::unique_ptr<Layer<float>>> layers;
    std::vector<std::vector<float>> buffers;  // (rows, layer output) each; empty for aliases
    std::vector<const float*> values;         // each layer's values of the last run
};

OnnxRunner::OnnxRunner(OnnxModel model, int max_batch, int threads)
    : model_(std::move(model)), max_batch_(max_batch) {
    CS_CHECK(max_batch >= 1 && threads >= 1);
    threads = std::min(threads, max_batch);
    rows_ = (max_batch + threads - 1) / threads;
    gradients_.assign(model_.parameters.size(), 0.0f);
    const std::size_t count = model_.layers.size();
    // Chunked: the layers before the first Dense (its weights are better read once).
    while (chunked_ < static_cast<int>(count) && model_.layers[chunked_].kind != OnnxOp::Dense)
        ++chunked_;
    std::size_t bytes_per_image = 0;
    for (int i = 0; i < chunked_; ++i) bytes_per_image += 4 * model_.layers[i].output.size();
    chunk_ = static_cast<int>(std::clamp<std::size_t>(
        (512 * 1024) / std::max<std::size_t>(1, bytes_per_image), 1, rows_));
    for (int r = 0; r < threads; ++r) {
        auto replica = std::make_unique<Replica>();
        for (const OnnxLayer& layer : model_.layers) {
            auto made = make_layer(layer);
            if (made) {
                const OnnxWeights& w = layer.weight;
                CS_CHECK(w.count == 0 || layer.bias.offset == w.offset + w.count);
                made->bind(model_.parameters.data() + w.offset, gradients_.data() + w.offset);
                made->reserve(rows_);
            }
            replica->buffers.emplace_back(
                aliases(layer) ? 0 : static_cast<std::size_t>(rows_) * layer.output.size());
            replica->layers.push_back(std::move(made));
        }
        replica->values.assign(count, nullptr);
        replicas_.push_back(std::move(replica));
    }
    pool_ = std::make_unique<ThreadPool>(threads);
}

OnnxRunner::~OnnxRunner() = default;

void OnnxRunner::run(Replica& replica, const float* images, int count) {
    const std::size_t in_size = model_.input.size();
    auto source = [&](int layer, int first) -> const float* {
        if (layer < 0) return images + first * in_size;
        return replica.values[layer] +
               static_cast<std::size_t>(first) * model_.layers[layer].output.size();
    };
    auto run_layers = [&](int begin, int end, int first, int images_here) {
        for (int i = begin; i < end; ++i) {
            const OnnxLayer& layer = model_.layers[i];
            if (aliases(layer)) {
                replica.values[i] = layer.inputs[0] < 0 ? images : replica.values[layer.inputs[0]];
                continue;
            }
            float* out = replica.buffers[i].data();
            replica.values[i] = out;
            const std::size_t size = layer.output.size();
            out += static_cast<std::size_t>(first) * size;
            if (replica.layers[i]) {
                replica.layers[i]->forward_images(source(layer.inputs[0], first), out, first,
                                                  images_here);
            } else if (layer.kind == OnnxOp::Add) {
                const float* a = source(layer.inputs[0], first);
                const float* b = source(layer.inputs[1], first);
                for (std::size_t k = 0; k < size * images_here; ++k) out[k] = a[k] + b[k];
            } else {  // Concat: each image's channels, input after input
                CS_CHECK(layer.kind == OnnxOp::Concat);
                for (int n = 0; n < images_here; ++n) {
                    float* to = out + n * size;
                    for (int input : layer.inputs) {
                        const std::size_t part =
                            input < 0 ? in_size : model_.layers[input].output.size();
                        to = std::copy_n(source(input, first + n), part, to);
                    }
                }
            }
        }
    };
    for (int first = 0; first < count; first += chunk_)
        run_layers(0, chunked_, first, std::min(chunk_, count - first));
    run_layers(chunked_, static_cast<int>(model_.layers.size()), 0, count);
}

void OnnxRunner::forward(const float* images, int batch, float* output) {
    CS_CHECK(batch >= 1 && batch <= max_batch_);
    const int per_replica = std::min(rows_, (batch + pool_->size() - 1) / pool_->size());
    const std::size_t in_size = model_.input.size(), out_size = model_.output().size();
    last_slice_ = per_replica;
    pool_->run(static_cast<int>(replicas_.size()), [&](int r) {
        const int first = r * per_replica;
        const int count = std::min(per_replica, batch - first);
        if (count <= 0) return;
        run(*replicas_[r], images + first * in_size, count);
        std::memcpy(output + first * out_size, replicas_[r]->values[model_.output_layer],
                    sizeof(float) * out_size * count);
    });
}

const float* OnnxRunner::layer_values(int layer, int image) const {
    const int replica = image / last_slice_;
    return replicas_.at(replica)->values.at(layer) +
           static_cast<std::size_t>(image % last_slice_) * model_.layers.at(layer).output.size();
}

}  // namespace convscope
