#include "core/nn/affine_layer.hpp"

#include <algorithm>

#include "core/tensor/check.hpp"
#include "core/tensor/gemm.hpp"

namespace convscope {

template <typename Real>
AffineLayer<Real>::AffineLayer(Shape input, int outputs) : Layer<Real>(input, {outputs, 1, 1}) {
    if (outputs < 1) {
        throw InputError("an affine layer needs at least 1 output, got " + std::to_string(outputs));
    }
}

template <typename Real>
std::vector<ParameterTensor> AffineLayer<Real>::parameter_tensors() const {
    const std::size_t weights = static_cast<std::size_t>(outputs()) * inputs();
    return {{"weight", {outputs(), inputs()}, 0, weights},
            {"bias", {outputs()}, weights, static_cast<std::size_t>(outputs())}};
}

template <typename Real>
void AffineLayer<Real>::bind(const Real* parameters, Real* gradients) {
    const std::size_t weights = static_cast<std::size_t>(outputs()) * inputs();
    weight_ = parameters;
    bias_ = parameters + weights;
    d_weight_ = gradients;
    d_bias_ = gradients + weights;
}

template <typename Real>
void AffineLayer<Real>::initialize(Real* parameters, Random& random) const {
    const std::size_t weights = static_cast<std::size_t>(outputs()) * inputs();
    he_normal(parameters, weights, inputs(), random);
    std::fill(parameters + weights, parameters + weights + outputs(), Real(0));
}

template <typename Real>
void AffineLayer<Real>::forward_images(const Real* input, Real* output, int first, int batch) {
    CS_CHECK(weight_ != nullptr);
    input_ = input - static_cast<long>(first) * inputs();  // image 0 of the batch
    // output (B, out) = input (B, in) * weight^T (in, out)
    gemm(Transpose::No, Transpose::Yes, batch, outputs(), inputs(), input, inputs(), weight_,
         inputs(), output, outputs(), false);
    for (int n = 0; n < batch; ++n)
        for (int j = 0; j < outputs(); ++j)
            output[static_cast<long>(n) * outputs() + j] += bias_[j];
}

template <typename Real>
void AffineLayer<Real>::backward_images(const Real* d_output, Real* d_input, int first, int batch) {
    CS_CHECK(input_ != nullptr);
    const Real* input = input_ + static_cast<long>(first) * inputs();
    for (int n = 0; n < batch; ++n)
        for (int j = 0; j < outputs(); ++j)
            d_bias_[j] += d_output[static_cast<long>(n) * outputs() + j];
    // d weight (out, in) += d_output^T (out, B) * input (B, in)
    gemm(Transpose::Yes, Transpose::No, outputs(), inputs(), batch, d_output, outputs(), input,
         inputs(), d_weight_, inputs(), true);
    if (!d_input) return;
    // d_input (B, in) = d_output (B, out) * weight (out, in)
    gemm(Transpose::No, Transpose::No, batch, inputs(), outputs(), d_output, outputs(), weight_,
         inputs(), d_input, inputs(), false);
}

template class AffineLayer<float>;
template class AffineLayer<double>;

}  // namespace convscope
