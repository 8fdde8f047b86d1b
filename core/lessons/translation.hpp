// Shifts of an image and what convolution and pooling do with them (seed 2.7.3 and 3):
// convolution is equivariant to translation, max pooling is nearly invariant to small ones.
#pragma once

#include <vector>

#include "core/ops/conv_geometry.hpp"

namespace convscope {

// Moves every cell of a (N,C,H,W) tensor by (dy, dx); cells shifted in are zero.
// I'(y, x) = I(y - dy, x - dx): dx = 1 moves the picture one cell to the right.
Tensor shift_tensor(const Tensor& tensor, int dy, int dx);

struct EquivarianceCheck {
    Tensor conv_of_shift;  // conv(shift(x))
    Tensor shift_of_conv;  // shift(conv(x))
    Tensor difference;     // conv_of_shift - shift_of_conv: zero away from the borders
};

// For a stride-1 convolution (a larger stride is not equivariant to one-cell shifts).
EquivarianceCheck check_equivariance(const Tensor& input, const Tensor& weight,
                                     const Options2d& options, int dy, int dx);

// Max-pools `input` and its shift by (dy, dx); true where an output keeps its value.
std::vector<bool> max_pool_unchanged_after_shift(const Tensor& input, int window_h, int window_w,
                                                 const Options2d& options, int dy, int dx);

}  // namespace convscope
