// Window taps and visit counts: they must describe exactly what the reference ops compute.
#include <doctest/doctest.h>

#include <random>

#include "core/ops/reference_ops.hpp"
#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"
#include "tests/test_support.hpp"

using namespace convscope;

namespace {

Tensor random_tensor(std::vector<int> shape, std::mt19937& rng) {
    return testing::random_integer_tensor(std::move(shape), rng, -4, 4);
}

AxisParams axis(int input, int kernel, int stride, Padding padding, int dilation = 1,
                int output_padding = 0) {
    return axis_params(input, kernel, AxisOptions{stride, padding, dilation, output_padding});
}

// Sums input * kernel over the taps of every output cell (one channel, one filter).
Tensor sum_over_taps(const ConvGeometry& g, const Tensor& input, const Tensor& kernel) {
    Tensor out({1, 1, g.h.output, g.w.output});
    for (int oy = 0; oy < g.h.output; ++oy)
        for (int ox = 0; ox < g.w.output; ++ox)
            for (const Tap& tap : output_taps(g, oy, ox))
                if (!tap.padded)
                    out.at(0, 0, oy, ox) +=
                        input.at(0, 0, tap.in_y, tap.in_x) * kernel.at(0, 0, tap.k_y, tap.k_x);
    return out;
}

}  // namespace

TEST_CASE("conv taps reproduce conv2d on random geometries") {
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> size(1, 8), kernel_size(1, 4), step(1, 3), pad(0, 2);
    int checked = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const AxisOptions oh{step(rng), Padding::of(pad(rng)), step(rng), 0};
        const AxisOptions ow{step(rng), Padding::of(pad(rng)), step(rng), 0};
        const int ih = size(rng), iw = size(rng), kh = kernel_size(rng), kw = kernel_size(rng);
        ConvGeometry g;
        try {
            g = resolve_geometry(OpKind::Conv, axis_params(ih, kh, oh), axis_params(iw, kw, ow));
        } catch (const InputError&) {
            continue;  // kernel larger than the padded input
        }
        const Tensor input = random_tensor({1, 1, ih, iw}, rng);
        const Tensor kernel = random_tensor({1, 1, kh, kw}, rng);
        CHECK(sum_over_taps(g, input, kernel).values() ==
              conv2d(input, kernel, {}, {oh, ow}).values());
        ++checked;
    }
    CHECK(checked > 100);
}

TEST_CASE("transposed taps reproduce conv_transpose2d on random geometries") {
    std::mt19937 rng(2);
    std::uniform_int_distribution<int> size(1, 6), kernel_size(1, 4), step(1, 3), pad(0, 2);
    int checked = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const int sh = step(rng), sw = step(rng);
        const AxisOptions oh{sh, Padding::of(pad(rng)), step(rng), sh - 1};
        const AxisOptions ow{sw, Padding::of(pad(rng)), 1, 0};
        const int ih = size(rng), iw = size(rng), kh = kernel_size(rng), kw = kernel_size(rng);
        ConvGeometry g;
        try {
            g = resolve_geometry(OpKind::TransposedConv, axis_params(ih, kh, oh),
                                 axis_params(iw, kw, ow));
        } catch (const InputError&) {
            continue;  // padding larger than the output
        }
        const Tensor input = random_tensor({1, 1, ih, iw}, rng);
        const Tensor kernel = random_tensor({1, 1, kh, kw}, rng);
        CHECK(sum_over_taps(g, input, kernel).values() ==
              conv_transpose2d(input, kernel, {}, {oh, ow}).values());
        ++checked;
    }
    CHECK(checked > 100);
}

TEST_CASE("taps mark padded cells with their input coordinates") {
    const ConvGeometry g = resolve_geometry(OpKind::Conv, axis(4, 3, 1, Padding::of(1)),
                                            axis(4, 3, 1, Padding::of(1)));
    const std::vector<Tap> taps = output_taps(g, 0, 0);
    REQUIRE(taps.size() == 9);
    CHECK(taps[0].in_y == -1);
    CHECK(taps[0].in_x == -1);
    CHECK(taps[0].padded);
    CHECK_FALSE(taps[4].padded);  // the centre cell is input (0, 0)
    CHECK(taps[4].in_y == 0);
    int padded = 0;
    for (const Tap& tap : taps) padded += tap.padded;
    CHECK(padded == 5);
}

TEST_CASE("seed 2.3: full padding reads every input cell k times per axis") {
    for (int k = 1; k <= 4; ++k) {
        const AxisParams a = axis(5, k, 1, Padding::parse("full"));
        for (int count : visit_counts(resolve_geometry(OpKind::Conv, a, a))) CHECK(count == k * k);
    }
}

TEST_CASE("seed 2.3: same padding under-represents the borders") {
    const AxisParams a = axis(5, 3, 1, Padding::parse("same"));
    const std::vector<int> counts = visit_counts(resolve_geometry(OpKind::Conv, a, a));
    CHECK(counts[0] == 4);          // corner: 2 x 2 windows
    CHECK(counts[2] == 6);          // top edge: 2 x 3
    CHECK(counts[2 * 5 + 2] == 9);  // centre: 3 x 3
}

TEST_CASE("visit counts add up to the number of non-padded products") {
    const AxisParams a = axis(6, 3, 2, Padding::of(1));
    const ConvGeometry g = resolve_geometry(OpKind::Conv, a, a);
    int total = 0, products = 0;
    for (int count : visit_counts(g)) total += count;
    for (int oy = 0; oy < g.h.output; ++oy)
        for (int ox = 0; ox < g.w.output; ++ox)
            for (const Tap& tap : output_taps(g, oy, ox)) products += !tap.padded;
    CHECK(total == products);
    CHECK(total > 0);
}
