// The layers without parameters that only move or gate values: ReLU and Flatten.
#pragma once

#include "core/nn/layer.hpp"

namespace convscope {

// max(0, x) element-wise; backward passes the gradient where the output was positive.
template <typename Real>
class ReluLayer : public Layer<Real> {
  public:
    explicit ReluLayer(Shape shape) : Layer<Real>(shape, shape) {}
    // input (B, C, H, W) -> output (B, C, H, W); keeps the output pointer.
    void forward_images(const Real* input, Real* output, int first, int count) override;
    // d_output (B, C, H, W) -> d_input (B, C, H, W)
    void backward_images(const Real* d_output, Real* d_input, int first, int count) override;

  private:
    const Real* output_ = nullptr;
};

// (C, H, W) -> (C*H*W, 1, 1): the same values in the same order; it shows where the
// network stops seeing space (seed 2.1: a fully connected layer ignores shape).
template <typename Real>
class FlattenLayer : public Layer<Real> {
  public:
    explicit FlattenLayer(Shape input) : Layer<Real>(input, {input.size(), 1, 1}) {}
    // input (B, C, H, W) -> output (B, C*H*W)
    void forward_images(const Real* input, Real* output, int first, int count) override;
    // d_output (B, C*H*W) -> d_input (B, C, H, W)
    void backward_images(const Real* d_output, Real* d_input, int first, int count) override;
};

}  // namespace convscope
