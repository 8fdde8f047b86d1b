#include "core/activation_layers.hpp"

#include <algorithm>

#include "core/check.hpp"

namespace convscope {

template <typename Real>
void ReluLayer<Real>::forward(const Real* input, Real* output, int batch) {
    const long count = static_cast<long>(batch) * this->input_shape().size();
    for (long i = 0; i < count; ++i) output[i] = std::max(input[i], Real(0));
    output_ = output;
}

template <typename Real>
void ReluLayer<Real>::backward(const Real* d_output, Real* d_input, int batch) {
    CS_CHECK(output_ != nullptr);
    if (!d_input) return;
    const long count = static_cast<long>(batch) * this->input_shape().size();
    const Real* output = output_;
    // Both loads unconditional so the compiler can turn the choice into a vector select.
    for (long i = 0; i < count; ++i) {
        const Real gradient = d_output[i];
        d_input[i] = output[i] > Real(0) ? gradient : Real(0);
    }
}

template <typename Real>
void FlattenLayer<Real>::forward(const Real* input, Real* output, int batch) {
    std::copy(input, input + static_cast<long>(batch) * this->input_shape().size(), output);
}

template <typename Real>
void FlattenLayer<Real>::backward(const Real* d_output, Real* d_input, int batch) {
    if (!d_input) return;
    std::copy(d_output, d_output + static_cast<long>(batch) * this->input_shape().size(), d_input);
}

template class ReluLayer<float>;
template class ReluLayer<double>;
template class FlattenLayer<float>;
template class FlattenLayer<double>;

}  // namespace convscope
