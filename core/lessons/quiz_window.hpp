// Quiz question 3: which input cells the window of one output cell covers (the cells a
// student clicks). Padded cells count: they are part of the window, with coordinates
// outside [0, input).
#pragma once

#include <set>
#include <utility>

#include "core/lessons/quiz.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

using InputCells = std::set<std::pair<int, int>>;  // (y, x) in input coordinates

// The cells output cell (out_y, out_x) reads: a transposed conv's, the real input cells
// that scatter into it.
InputCells window_cells(const ConvGeometry& geometry, int out_y, int out_x);

// Checks the clicked `answer`; a wrong one is matched against the window placed with one
// slip (stride, dilation or padding ignored), else counted as missing or extra cells.
Diagnosis diagnose_window(const ConvGeometry& geometry, int out_y, int out_x,
                          const InputCells& answer);

}  // namespace convscope
