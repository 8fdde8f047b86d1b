// A sequential network: layers built from a NetworkSpec, softmax with cross-entropy at
// the end, all parameters in one buffer and all gradients in another.
//
// Threads work across the batch: each thread has a replica of the layers (its own
// activations and caches, its own gradient buffer) bound to the shared parameters.
// A batch is cut into one contiguous slice per replica; the replicas' gradients are
// then summed in replica order, so results depend on the seed and the thread count
// only. Buffers are sized once for max_batch: a training step allocates nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

#include "core/nn/layer.hpp"
#include "core/nn/network_spec.hpp"

namespace convscope {

class ThreadPool;

// Where every parameter tensor of a network built from `spec` sits in its parameter
// buffer, in buffer order: Network::parameter_tensors() without building a Network (a
// weights file's buffer is read with it). InputError for a spec its input cannot take.
std::vector<ParameterTensor> parameter_layout(const NetworkSpec& spec);

// What one pass over a batch gives besides the gradients.
template <typename Real>
struct BatchResult {
    Real loss = 0;    // mean cross-entropy over the batch
    int correct = 0;  // images whose largest logit is their label
};

template <typename Real>
class Network {
  public:
    // max_batch: the largest batch any call below receives. threads >= 1.
    Network(NetworkSpec spec, int max_batch, int threads = 1);
    ~Network();
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    const NetworkSpec& spec() const { return spec_; }
    std::string architecture() const { return spec_.architecture(); }
    int max_batch() const { return max_batch_; }
    int threads() const;
    int classes() const;
    int layer_count() const { return static_cast<int>(spec_.layers.size()); }
    Shape layer_output_shape(int layer) const;
    // Images per chunk of the per-image layers (those before the first affine layer).
    int chunk_images() const { return chunk_images_; }

    // Multiply-adds x 2 of one training image's forward and backward pass (conv and
    // affine layers; the rest is memory traffic): the numerator of GFLOP/s.
    double training_flops_per_image() const { return training_flops_; }

    std::size_t parameter_count() const { return parameters_.size(); }
    Real* parameters() { return parameters_.data(); }
    const Real* parameters() const { return parameters_.data(); }
    const Real* gradients() const { return gradients_.data(); }
    const std::vector<ParameterTensor>& parameter_tensors() const { return tensors_; }

    // He initialisation from a seed.
    void initialize(std::uint64_t seed);

    // images (B, C, H, W), labels (B) -> loss and correct count; gradients() becomes
    // d mean loss / d parameters.
    BatchResult<Real> compute_gradients(const Real* images, const std::uint8_t* labels, int batch);
    // compute_gradients(), then update(begin, end) for disjoint stretches [begin, end)
    // covering the parameter buffer, on the pool's threads: each stretch right after
    // its gradients are summed, while they are in cache. For an optimizer's step.
    template <typename Update>
    BatchResult<Real> train_step(const Real* images, const std::uint8_t* labels, int batch,
                                 Update&& update) {
        auto call = [](void* context, std::size_t begin, std::size_t end) {
            (*static_cast<std::remove_reference_t<Update>*>(context))(begin, end);
        };
        return run_loss(images, labels, batch, true, {call, &update});
    }
    // The same without gradients.
    BatchResult<Real> evaluate(const Real* images, const std::uint8_t* labels, int batch);
    // images (B, C, H, W) -> logits (B, classes)
    void predict(const Real* images, int batch, Real* logits);

  private:
    struct Replica;
    // A stretch update as a plain function and its context (no allocation per call).
    struct StretchUpdate {
        void (*call)(void* context, std::size_t begin, std::size_t end) = nullptr;
        void* context = nullptr;
    };
    // Slice [first, first + count) of a batch for replica `index`.
    void slice(int batch, int index, int& first, int& count) const;
    // Sets chunked_layers_ and chunk_images_ from the first replica's layers.
    void choose_chunks(const Replica& replica);
    const Real* forward(Replica& replica, const Real* images, int count);
    // From d loss / d logits in replica.d_current back to the first layer.
    void backward(Replica& replica, int count);
    BatchResult<Real> run_loss(const Real* images, const std::uint8_t* labels, int batch,
                               bool with_gradients, StretchUpdate update = {});

    NetworkSpec spec_;
    int max_batch_;
    // Layers [0, chunked_layers_) work image by image: they run chunk_images_ images
    // at a time, forward and backward, so their activations stay in cache.
    int chunked_layers_ = 0;
    int chunk_images_ = 1;
    double training_flops_ = 0;
    std::vector<Real> parameters_;
    std::vector<Real> gradients_;
    std::vector<ParameterTensor> tensors_;
    std::vector<std::unique_ptr<Replica>> replicas_;
    std::unique_ptr<ThreadPool> pool_;
};

}  // namespace convscope
