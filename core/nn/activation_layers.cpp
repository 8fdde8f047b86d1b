#include "core/nn/activation_layers.hpp"

#include <algorithm>

#include "core/tensor/check.hpp"

namespace convscope {

template <typename Real>
void ReluLayer<Real>::forward_images(const Real* input, Real* output, int first, int count) {
    const long size = this->input_shape().size();
    const long values = count * size;
    for (long i = 0; i < values; ++i) output[i] = std::max(input[i], Real(0));
    output_ = output - first * size;  // image 0 of the batch
}

template <typename Real>
void ReluLayer<Real>::backward_images(const Real* d_output, Real* d_input, int first, int count) {
    CS_CHECK(output_ != nullptr);
    if (!d_input) return;
    const long size = this->input_shape().size();
    const long values = count * size;
    const Real* output = output_ + first * size;
    // Both loads unconditional so the compiler can turn the choice into a vector select.
    for (long i = 0; i < values; ++i) {
        const Real gradient = d_output[i];
        d_input[i] = output[i] > Real(0) ? gradient : Real(0);
    }
}

template <typename Real>
void FlattenLayer<Real>::forward_images(const Real* input, Real* output, int /*first*/, int count) {
    std::copy(input, input + static_cast<long>(count) * this->input_shape().size(), output);
}

template <typename Real>
void FlattenLayer<Real>::backward_images(const Real* d_output, Real* d_input, int /*first*/,
                                         int count) {
    if (!d_input) return;
    std::copy(d_output, d_output + static_cast<long>(count) * this->input_shape().size(), d_input);
}

template class ReluLayer<float>;
template class ReluLayer<double>;
template class FlattenLayer<float>;
template class FlattenLayer<double>;

}  // namespace convscope
