// The receptive-field lesson's figure (seed 2.7.1): the lesson's convolution applied
// twice. Layer 1 is the playground's own output (item 0, filter 0); layer 2 convolves
// it again with kernel slice (0, 0) under the same settings. A unit of layer 2 reads a
// few units of layer 1, each of which reads a few inputs: its field grows with depth.
#pragma once

#include <string>
#include <vector>

#include "core/lessons/figure_parts.hpp"
#include "core/lessons/playground.hpp"
#include "core/ops/receptive_field.hpp"

namespace convscope {

struct ReceptiveFieldFigure {
    ConvGeometry first;   // input -> layer 1: the trace's own geometry
    ConvGeometry second;  // layer 1 -> layer 2, when it fits
    Tensor layer1;        // (1,1,OH,OW): the playground's output (0, 0)
    Tensor layer2;        // (1,1,OH2,OW2): conv(layer1, kernel (0, 0)); empty when it does not fit
    std::string error;    // why a second layer does not fit (the InputError's message), or empty
    // Layer 1 with the lesson's padding: smaller than the kernel's span on some axis is
    // why a second layer does not fit (the window says so in its own words).
    int padded_h = 0, padded_w = 0;

    bool fits() const { return error.empty(); }
    bool kernel_too_large() const {
        return padded_h < first.h.effective_kernel() || padded_w < first.w.effective_kernel();
    }
    int units() const { return second.h.output * second.w.output; }  // of layer 2
    // The unit of layer 2 shown at step `step_index` when none is clicked: play walks
    // over the units row by row, and starts again.
    GridCell walked_unit(int step_index) const;
};

// For a playground whose operation is a convolution.
ReceptiveFieldFigure build_receptive_field_figure(const Playground& playground);

// What unit (y, x) of layer 2 depends on: [0] the input, [1] layer 1, [2] the unit.
// Only when the second layer fits.
std::vector<FieldRegion> unit_field(const ReceptiveFieldFigure& figure, int y, int x);

}  // namespace convscope
