// Random's promise: a seed gives the same numbers with every compiler and standard
// library. The expected values are SplitMix64's published outputs (Vigna's reference
// splitmix64.c; Rosetta Code's "Pseudo-random numbers/Splitmix64" task), and the
// uniform, bounded, normal and shuffle results are worked out from those outputs by
// the definitions in core/tensor/random.hpp, not read back from the implementation.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "core/tensor/random.hpp"

using namespace convscope;

namespace {

// SplitMix64 started from 1234567: the five outputs Rosetta Code's task lists.
const std::uint64_t kOutputsOf1234567[] = {6457827717110365317ULL, 3203168211198807973ULL,
                                           9817491932198370423ULL, 4593380528125082431ULL,
                                           16408922859458223821ULL};

// uniform()'s definition: the top 53 bits as a fraction of 2^53.
double top_53_bits_as_fraction(std::uint64_t bits) {
    return std::ldexp(static_cast<double>(bits >> 11), -53);
}

}  // namespace

TEST_CASE("next_u64 gives SplitMix64's published outputs") {
    Random from_1234567(1234567);
    for (std::uint64_t expected : kOutputsOf1234567) CHECK(from_1234567.next_u64() == expected);
    // Seed 0, as the reference splitmix64.c prints it.
    Random from_0(0);
    CHECK(from_0.next_u64() == 0xe220a8397b1dcdafULL);
    CHECK(from_0.next_u64() == 0x6e789e6aa1b965f4ULL);
    CHECK(from_0.next_u64() == 0x06c45d188009454fULL);
}

TEST_CASE("uniform, below and normal are the definitions applied to those outputs") {
    Random uniform(1234567);
    for (std::uint64_t bits : kOutputsOf1234567)
        CHECK(uniform.uniform() == top_53_bits_as_fraction(bits));
    // The same first value written out: 6457827717110365317 >> 11 = 3153236189995295.
    CHECK(Random(1234567).uniform() == 3153236189995295.0 / 9007199254740992.0);

    // Far below the rejection limit, below(10) is the output modulo 10: 7, 3, 3, 1, 1.
    Random below(1234567);
    for (std::uint64_t bits : kOutputsOf1234567) CHECK(below.below(10) == bits % 10);

    // Box-Muller on pairs: sqrt(-2 ln(1 - u1)) cos(2 pi u2). Computed in double in
    // Python from the outputs above; libm may differ in the last bits across platforms.
    Random normal(1234567);
    CHECK(normal.normal() == doctest::Approx(0.4284879007349292).epsilon(1e-12));
    CHECK(normal.normal() == doctest::Approx(0.007685698515048663).epsilon(1e-12));
    CHECK(normal.normal() == doctest::Approx(-1.858684499989007).epsilon(1e-12));
}

TEST_CASE("shuffle is Fisher-Yates from the last index down") {
    // With seed 1234567: swap index 9 with below(10), 8 with below(9), ... 1 with below(2);
    // worked out from the generator's outputs, this moves 0..9 to:
    std::vector<int> values(10);
    std::iota(values.begin(), values.end(), 0);
    Random random(1234567);
    random.shuffle(values);
    CHECK(values == std::vector<int>{2, 0, 6, 1, 4, 5, 3, 8, 9, 7});
    // Two values take one swap: index 1 with below(2) = 6457827717110365317 % 2 = 1, itself.
    std::vector<int> pair{10, 20};
    Random(1234567).shuffle(pair);
    CHECK(pair == std::vector<int>{10, 20});
    std::vector<int> empty;
    random.shuffle(empty);
    CHECK(empty.empty());
}

TEST_CASE("the same seed repeats its sequence and another seed does not") {
    Random a(42), b(42), c(43);
    int equal_to_other_seed = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t value = a.next_u64();
        CHECK(value == b.next_u64());
        if (value == c.next_u64()) ++equal_to_other_seed;
    }
    CHECK(equal_to_other_seed == 0);
}

TEST_CASE("draws stay in their ranges and have the expected spread") {
    // A fixed seed makes these statistics fixed too: nothing here can flake.
    Random random(7);
    const int draws = 100000;
    double uniform_sum = 0, normal_sum = 0, normal_squares = 0;
    double uniform_low = 1, uniform_high = 0;
    std::vector<int> counts(7, 0);
    bool below_in_range = true, normal_finite = true;
    for (int i = 0; i < draws; ++i) {
        const double u = random.uniform();
        uniform_low = std::min(uniform_low, u);
        uniform_high = std::max(uniform_high, u);
        uniform_sum += u;
        const std::uint32_t k = random.below(7);
        below_in_range = below_in_range && k < 7;
        if (k < 7) ++counts[k];
        const double z = random.normal();
        normal_finite = normal_finite && std::isfinite(z);
        normal_sum += z;
        normal_squares += z * z;
    }
    CHECK(uniform_low >= 0.0);
    CHECK(uniform_high < 1.0);
    CHECK(uniform_sum / draws == doctest::Approx(0.5).epsilon(0.01));
    CHECK(below_in_range);
    CHECK(normal_finite);
    for (int count : counts) CHECK(count == doctest::Approx(draws / 7.0).epsilon(0.05));
    const double mean = normal_sum / draws;
    CHECK(std::abs(mean) < 0.02);
    CHECK(normal_squares / draws - mean * mean == doctest::Approx(1.0).epsilon(0.03));
    CHECK(Random(3).below(1) == 0);
}
