// Which input cells each output cell reads, and how often each input cell is read.
// The basis of the step-by-step animation and of the visit-count heatmap (seed 2.3:
// same padding under-represents borders; full padding reads every cell k times per axis).
#pragma once

#include <vector>

#include "core/ops/conv_geometry.hpp"

namespace convscope {

// One input cell meeting one kernel cell for a given output cell.
struct Tap {
    int in_y = 0;  // input coordinates: outside [0, input) for a padded cell
    int in_x = 0;
    int k_y = 0;  // kernel cell (window cell for pooling)
    int k_x = 0;
    bool padded = false;
};

// The taps of output cell (out_y, out_x) in kernel row-major order.
// conv and pool: the whole window, padded cells included and marked.
// transposed conv: the real input cells that scatter into this output cell.
std::vector<Tap> output_taps(const ConvGeometry& geometry, int out_y, int out_x);

// For each input cell, row-major (H x W), the number of output cells that read it.
std::vector<int> visit_counts(const ConvGeometry& geometry);

}  // namespace convscope
