// The equivariance lesson's figure (seed 2.7.3): shift the input one cell to the
// right and the convolution's output shifts the same way. For each batch item n and
// filter f: channel 0 of item n, kernel slice (f, 0), and the five tensors the lesson
// compares; conv(shift(x)) - shift(conv(x)) is zero except where the shift let zeros in.
#pragma once

#include <string>
#include <vector>

#include "core/lessons/playground.hpp"

namespace convscope {

struct ShiftedConvolution {
    Tensor x;                   // (1,1,H,W): item n, channel 0
    Tensor shifted;             // shift(x)
    Tensor conv_x;              // conv(x): (1,1,OH,OW)
    Tensor conv_of_shift;       // conv(shift(x))
    Tensor shift_of_conv;       // shift(conv(x))
    Tensor difference;          // conv(shift(x)) - shift(conv(x))
    std::vector<bool> differs;  // row-major over the output: where difference is not zero
    int differing = 0;          // how many cells differ
};

struct EquivarianceFigure {
    int dy = 0, dx = 1;  // the shift: one cell to the right
    int filters = 0;
    std::vector<ShiftedConvolution> maps;  // item n, filter f at n * filters + f
    std::string error;                     // why the check does not apply (stride), or empty
    int stride_h = 1, stride_w = 1;        // the lesson's: a one-cell shift needs 1

    bool holds() const { return error.empty(); }
    // The reason it does not hold, for the window to say in its own words.
    bool stride_too_large() const { return stride_h != 1 || stride_w != 1; }
    const ShiftedConvolution& at(int n, int f) const;
};

// For a playground whose operation is a convolution.
EquivarianceFigure build_equivariance_figure(const Playground& playground);

}  // namespace convscope
