// The forward-only layers an imported model needs besides core/nn's (conv, affine, pools,
// ReLU): element-wise activations, softmax over a vector, zero padding, a per-channel
// scale and shift (a BatchNormalization with no conv to fold into) and the transposed
// convolution (GEMM + col2im, the conv's backward pass). They never train: backward
// is a bug (CS_CHECK).
#pragma once

#include <vector>

#include "core/nn/layer.hpp"
#include "core/onnx/onnx_model.hpp"

namespace convscope {

template <typename Real>
class ForwardOnlyLayer : public Layer<Real> {
  public:
    using Layer<Real>::Layer;
    void backward_images(const Real* d_output, Real* d_input, int first, int count) override;
};

// LeakyRelu, Sigmoid or Tanh, value by value.
class ActivationLayer : public ForwardOnlyLayer<float> {
  public:
    ActivationLayer(Shape shape, OnnxOp kind, float alpha)
        : ForwardOnlyLayer(shape, shape), kind_(kind), alpha_(alpha) {}
    void forward_images(const float* input, float* output, int first, int count) override;

  private:
    OnnxOp kind_;
    float alpha_;
};

// Softmax over the n values of an (n, 1, 1) vector.
class SoftmaxLayer : public ForwardOnlyLayer<float> {
  public:
    explicit SoftmaxLayer(Shape shape) : ForwardOnlyLayer(shape, shape) {}
    void forward_images(const float* input, float* output, int first, int count) override;
};

// Zeros around each plane: (C, H, W) -> (C, top + H + bottom, left + W + right).
class PadLayer : public ForwardOnlyLayer<float> {
  public:
    PadLayer(Shape input, Shape output, int top, int left)
        : ForwardOnlyLayer(input, output), top_(top), left_(left) {}
    void forward_images(const float* input, float* output, int first, int count) override;

  private:
    int top_, left_;
};

// output[c] = input[c] * scale[c] + shift[c]; parameters: scale (C), then shift (C).
class ScaleShiftLayer : public ForwardOnlyLayer<float> {
  public:
    explicit ScaleShiftLayer(Shape shape) : ForwardOnlyLayer(shape, shape) {}
    void bind(const float* parameters, float* /*gradients*/) override { parameters_ = parameters; }
    void forward_images(const float* input, float* output, int first, int count) override;

  private:
    const float* parameters_ = nullptr;
};

// PyTorch's ConvTranspose2d: weight (C, F/G, KH, KW), then bias (F). Per image and group,
// columns (F/G*KH*KW, H*W) = weight_g^T * input_g, scattered onto the output by col2im
// with the geometry of the conv it transposes.
class TransposedConvLayer : public ForwardOnlyLayer<float> {
  public:
    TransposedConvLayer(const OnnxLayer& layer);
    void bind(const float* parameters, float* /*gradients*/) override { weight_ = parameters; }
    void forward_images(const float* input, float* output, int first, int count) override;

  private:
    ConvGeometry geometry_;  // the transposed conv's own: input H x W -> output OH x OW
    int groups_;
    const float* weight_ = nullptr;
    std::vector<float> columns_;
};

}  // namespace convscope
