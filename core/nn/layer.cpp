#include "core/nn/layer.hpp"

#include <cmath>

#include "core/tensor/random.hpp"

namespace convscope {

std::string Shape::text() const {
    return std::to_string(channels) + "x" + std::to_string(height) + "x" + std::to_string(width);
}

template <typename Real>
std::size_t Layer<Real>::parameter_count() const {
    std::size_t total = 0;
    for (const ParameterTensor& tensor : parameter_tensors()) total += tensor.count;
    return total;
}

template <typename Real>
void he_normal(Real* weights, std::size_t count, int fan_in, Random& random) {
    const double deviation = std::sqrt(2.0 / fan_in);
    for (std::size_t i = 0; i < count; ++i)
        weights[i] = static_cast<Real>(random.normal() * deviation);
}

template class Layer<float>;
template class Layer<double>;
template void he_normal<float>(float*, std::size_t, int, Random&);
template void he_normal<double>(double*, std::size_t, int, Random&);

}  // namespace convscope
