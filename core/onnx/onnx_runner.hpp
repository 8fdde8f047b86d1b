// Runs an imported model's forward pass on the layers training uses (core/nn's
// im2col + GEMM conv, affine, pools), never on the reference ops.
//
// As core/nn's Network: each thread has a replica of the layers and its own activations
// bound to the one parameter buffer, and takes one contiguous slice of the batch; the
// layers before the first Dense run a few images at a time so activations stay in cache.
// Every layer's output of the last batch is kept (feature maps for the window).
#pragma once

#include <memory>
#include <vector>

#include "core/onnx/onnx_model.hpp"

namespace convscope {

class ThreadPool;

class OnnxRunner {
  public:
    // max_batch: the largest batch forward() receives; threads >= 1.
    OnnxRunner(OnnxModel model, int max_batch, int threads = 1);
    ~OnnxRunner();
    OnnxRunner(const OnnxRunner&) = delete;
    OnnxRunner& operator=(const OnnxRunner&) = delete;

    const OnnxModel& model() const { return model_; }
    int max_batch() const { return max_batch_; }

    // images (B, C, H, W) -> output (B, output size), B <= max_batch.
    void forward(const float* images, int batch, float* output);
    // Layer `layer`'s values for image `image` of the last forward() batch.
    const float* layer_values(int layer, int image) const;

  private:
    struct Replica;
    void run(Replica& replica, const float* images, int count);

    OnnxModel model_;
    int max_batch_;
    int rows_;         // images per replica
    int chunked_ = 0;  // layers [0, chunked_) run chunk_ images at a time
    int chunk_ = 1;
    int last_slice_ = 1;            // images per replica in the last forward()
    std::vector<float> gradients_;  // bound, never written: the layers run forward only
    std::vector<std::unique_ptr<Replica>> replicas_;
    std::unique_ptr<ThreadPool> pool_;
};

}  // namespace convscope
