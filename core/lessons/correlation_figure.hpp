// Convolution against cross-correlation (seed 2.2). The chapter's formula
// S(i,j) = sum_m sum_n I(i+m, j+n) K(m,n) is cross-correlation, what PyTorch's conv2d
// computes and what the playground's trace steps through. The mathematical convolution
// S(i,j) = sum_m sum_n I(i-m, j-n) K(m,n) is the same sum with the kernel turned 180°.
// The two agree for every input when each kernel slice equals its own 180° turn.
#pragma once

#include "core/lessons/playground.hpp"

namespace convscope {

struct CorrelationFigure {
    // The playground with each kernel slice turned 180° (same settings and input): its
    // trace steps through the convolution, its output is the convolution's.
    Playground convolution;
    bool symmetric = false;   // every kernel slice equals its 180° turn
    int differing_cells = 0;  // output cells where convolution and correlation differ
    int output_cells = 0;     // all output cells
};

// Kernel (F, C, KH, KW) with each (f, c) slice turned 180°.
Tensor turned_kernel(const Tensor& kernel);

// For a playground whose operation is a convolution.
CorrelationFigure build_correlation_figure(const Playground& playground);

}  // namespace convscope
