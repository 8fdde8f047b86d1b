// The parameter-sharing lesson's figure (seed 2.7.2): every kernel weight is used at
// every window position. For each weight of one channel and one filter: the input
// cells it multiplies, the outputs it contributes to and its entries in the
// convolution written as a matrix.
#pragma once

#include <vector>

#include "core/lessons/conv_matrix.hpp"
#include "core/lessons/figure_parts.hpp"
#include "core/lessons/playground.hpp"

namespace convscope {

struct WeightUses {
    std::vector<GridCell> inputs;   // real input cells it multiplies (padding has no column)
    std::vector<GridCell> outputs;  // output cells whose window it joins
    std::vector<GridCell> entries;  // (row, col) of the matrix holding it
    int count() const { return static_cast<int>(entries.size()); }  // how often it is used
};

struct SharingFigure {
    ConvMatrix matrix;                 // row = output cell, column = input cell
    std::vector<float> entry_weights;  // kernel slice (0, 0)'s weight in each entry, 0 for none
    int kernel_h = 0, kernel_w = 0;
    std::vector<WeightUses> weights;  // kernel cell (ky, kx) at ky * kernel_w + kx

    const WeightUses& uses(int ky, int kx) const;
};

// For a playground whose operation is a convolution.
SharingFigure build_sharing_figure(const Playground& playground);

}  // namespace convscope
