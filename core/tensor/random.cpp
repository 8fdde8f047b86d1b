#include "core/tensor/random.hpp"

#include <cmath>
#include <utility>

#include "core/tensor/check.hpp"

namespace convscope {

std::uint64_t Random::next_u64() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double Random::uniform() {
    return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

std::uint32_t Random::below(std::uint32_t bound) {
    CS_CHECK(bound > 0);
    // Rejection keeps every value equally likely.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t value;
    do value = next_u64();
    while (value >= limit);
    return static_cast<std::uint32_t>(value % bound);
}

double Random::normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

void Random::shuffle(std::vector<int>& values) {
    for (std::size_t i = values.size(); i > 1; --i) {
        const std::size_t j = below(static_cast<std::uint32_t>(i));
        std::swap(values[i - 1], values[j]);
    }
}

}  // namespace convscope
