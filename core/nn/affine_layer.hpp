// Fully connected: every output is a weighted sum of all inputs plus a bias.
// Parameters as PyTorch's Linear: weight (outputs, inputs), then bias (outputs), so
// one unit's weights are contiguous (one picture per unit).
#pragma once

#include "core/nn/layer.hpp"

namespace convscope {

template <typename Real>
class AffineLayer : public Layer<Real> {
  public:
    // input (C, H, W), read as C*H*W values -> output (outputs, 1, 1)
    AffineLayer(Shape input, int outputs);

    std::vector<ParameterTensor> parameter_tensors() const override;
    void bind(const Real* parameters, Real* gradients) override;
    void initialize(Real* parameters, Random& random) const override;
    // input (B, in) -> output (B, out) = input * weight^T + bias; keeps the input pointer.
    void forward_images(const Real* input, Real* output, int first, int count) override;
    // d_output (B, out) -> d_input (B, in) unless null; adds to d weight, d bias.
    void backward_images(const Real* d_output, Real* d_input, int first, int count) override;

  private:
    int inputs() const { return this->input_shape().size(); }
    int outputs() const { return this->output_shape().channels; }

    const Real* weight_ = nullptr;
    const Real* bias_ = nullptr;
    Real* d_weight_ = nullptr;
    Real* d_bias_ = nullptr;
    const Real* input_ = nullptr;
};

}  // namespace convscope
