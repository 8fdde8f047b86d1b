// Random layer configurations for the layer and gradient tests: shapes, strides,
// paddings (numbers, same, full, valid) and dilations that resolve_geometry accepts.
#pragma once

#include <random>

#include "core/nn/layer.hpp"
#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"

namespace convscope::testing {

struct RandomConv {
    Shape input;
    int filters, kernel_h, kernel_w;
    Options2d options;
};

struct RandomPool {
    Shape input;
    int window_h, window_w;
    Options2d options;
};

inline Padding random_padding(std::mt19937& rng, bool modes) {
    const int pick = std::uniform_int_distribution<int>(0, modes ? 5 : 2)(rng);
    if (pick == 3) return {Padding::Mode::Same, 0};
    if (pick == 4) return {Padding::Mode::Full, 0};
    if (pick == 5) return {Padding::Mode::Valid, 0};
    return Padding::of(pick);
}

inline AxisOptions random_axis(std::mt19937& rng, bool modes, int max_dilation) {
    AxisOptions axis;
    axis.stride = std::uniform_int_distribution<int>(1, 3)(rng);
    axis.padding = random_padding(rng, modes);
    axis.dilation = std::uniform_int_distribution<int>(1, max_dilation)(rng);
    return axis;
}

// A convolution whose geometry is valid (draws again until resolve_geometry agrees).
inline RandomConv random_conv(std::mt19937& rng) {
    auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    for (;;) {
        RandomConv c{{between(1, 3), between(3, 9), between(3, 9)},
                     between(1, 4),
                     between(1, 4),
                     between(1, 4),
                     {random_axis(rng, true, 2), random_axis(rng, true, 2)}};
        try {
            resolve_geometry(OpKind::Conv, axis_params(c.input.height, c.kernel_h, c.options.h),
                             axis_params(c.input.width, c.kernel_w, c.options.w));
            return c;
        } catch (const InputError&) {
        }
    }
}

inline RandomPool random_pool(std::mt19937& rng, bool dilation) {
    auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    for (;;) {
        RandomPool p{
            {between(1, 3), between(2, 9), between(2, 9)},
            between(1, 3),
            between(1, 3),
            {random_axis(rng, false, dilation ? 2 : 1), random_axis(rng, false, dilation ? 2 : 1)}};
        try {
            resolve_geometry(OpKind::Pool, axis_params(p.input.height, p.window_h, p.options.h),
                             axis_params(p.input.width, p.window_w, p.options.w));
            return p;
        } catch (const InputError&) {
        }
    }
}

}  // namespace convscope::testing
