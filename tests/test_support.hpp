// Helpers shared by the doctest suites.
#pragma once

#include <random>
#include <vector>

#include "core/tensor/tensor.hpp"

namespace convscope::testing {

// Small integers in [low, high]: exact in float, so results compare with ==.
inline Tensor random_integer_tensor(std::vector<int> shape, std::mt19937& rng, int low = -3,
                                    int high = 3) {
    std::uniform_int_distribution<int> digit(low, high);
    Tensor t(std::move(shape));
    for (std::size_t i = 0; i < t.size(); ++i) t.data()[i] = static_cast<float>(digit(rng));
    return t;
}

}  // namespace convscope::testing
