// Translation: convolution is equivariant, max pooling robust to small shifts.
#include <doctest/doctest.h>

#include <random>

#include "core/lessons/translation.hpp"
#include "core/tensor/check.hpp"
#include "tests/test_support.hpp"

using namespace convscope;

namespace {

Tensor random_tensor(std::vector<int> shape, std::mt19937& rng) {
    return testing::random_integer_tensor(std::move(shape), rng, -3, 3);
}

}  // namespace

TEST_CASE("shift moves the picture and fills with zeros") {
    const Tensor t({1, 1, 2, 3}, {1, 2, 3, 4, 5, 6});
    CHECK(shift_tensor(t, 0, 1).values() == std::vector<float>{0, 1, 2, 0, 4, 5});
    CHECK(shift_tensor(t, 1, 0).values() == std::vector<float>{0, 0, 0, 1, 2, 3});
    CHECK(shift_tensor(t, 0, -1).values() == std::vector<float>{2, 3, 0, 5, 6, 0});
}

TEST_CASE("seed 2.7.3: conv(shift(x)) equals shift(conv(x)) away from the border") {
    std::mt19937 rng(4);
    const Tensor input = random_tensor({1, 1, 8, 8}, rng);
    const Tensor kernel = random_tensor({1, 1, 3, 3}, rng);
    const EquivarianceCheck check =
        check_equivariance(input, kernel, Options2d::uniform(1, Padding::of(0)), 0, 1);
    const int h = check.difference.dim(2), w = check.difference.dim(3);
    int border_differences = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float d = check.difference.at(0, 0, y, x);
            if (x == 0) {
                border_differences += d != 0;  // where the shift brought in zeros
            } else {
                CHECK(d == 0);
            }
        }
    CHECK(border_differences > 0);  // the border is where equivariance breaks
    CHECK_THROWS_AS(check_equivariance(input, kernel, Options2d::uniform(2, Padding::of(0)), 0, 1),
                    InputError);
}

TEST_CASE("seed 3: a peak moving inside its pooling window leaves max pooling unchanged") {
    Tensor input({1, 1, 4, 4});
    input.at(0, 0, 0, 0) = 5;
    input.at(0, 0, 2, 2) = 7;
    const auto unchanged = max_pool_unchanged_after_shift(input, 2, 2, pool_options(2, 2), 0, 1);
    REQUIRE(unchanged.size() == 4);
    for (bool same : unchanged) CHECK(same);  // both peaks stay in their windows
    Tensor edge({1, 1, 4, 4});
    edge.at(0, 0, 1, 1) = 5;  // on the right edge of the top-left window
    const auto crossing = max_pool_unchanged_after_shift(edge, 2, 2, pool_options(2, 2), 0, 1);
    CHECK_FALSE(crossing[0]);  // the 5 left its window...
    CHECK_FALSE(crossing[1]);  // ...and entered the next
    CHECK(crossing[2]);
}
