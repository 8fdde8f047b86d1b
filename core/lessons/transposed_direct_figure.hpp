// A transposed convolution as a direct convolution, as conv_arithmetic draws it: s - 1
// zeros inserted between neighbouring input cells, k_eff - p - 1 cells of padding on
// each side (output padding a more after the last cell; a negative amount crops), the
// kernel turned 180° with its two channel axes swapped, then a plain stride-1
// convolution with the same dilation. Its output equals the scatter view's.
#pragma once

#include "core/lessons/playground.hpp"

namespace convscope {

// What a cell of the stretched, padded input is.
enum class StretchedCell { Input, InsertedZero, Padding, OutputPadding };

// One axis: input cell i sits at before + i*s; the rest are zeros.
struct StretchedAxis {
    int input = 0;           // i
    int stride = 1;          // s: s - 1 zeros between neighbours
    int before = 0;          // k_eff - p - 1 padding cells before (negative: cropped)
    int after = 0;           // k_eff - p - 1 + a after
    int output_padding = 0;  // a: the last a cells of `after`

    int size() const { return (input - 1) * stride + 1 + before + after; }
    StretchedCell kind(int e) const;
    int input_index(int e) const;  // the input cell at e, or -1
};

struct TransposedDirectFigure {
    // The direct convolution, as a playground of its own: input the stretched tensor
    // (N, C, EH, EW), kernel the turned one (FN, C, KH, KW), stride 1, no padding, the
    // transposed conv's dilation and bias. Empty when the settings make it too large
    // to compute in a frame (fits() false).
    Playground direct;
    StretchedAxis h, w;
    int padding = 0;  // p of the transposed conv (per axis alike in the lessons)
    bool fits() const { return direct.input.size() > 0; }
    StretchedCell kind(int y, int x) const;  // of a cell of the stretched input
};

// The direct convolution's multiplications, past which the figure is left empty.
constexpr double kDirectViewMaxProducts = 2.0e7;

// For a playground whose operation is a transposed convolution.
TransposedDirectFigure build_transposed_direct_figure(const Playground& playground);

}  // namespace convscope
