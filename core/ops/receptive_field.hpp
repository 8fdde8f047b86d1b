// Receptive fields through a stack of convolutions and pools (seed 2.7.1): the input
// cells one unit depends on, at every layer below it, from the exact geometry.
#pragma once

#include <vector>

#include "core/ops/conv_geometry.hpp"

namespace convscope {

// An inclusive range of cells on one axis. `first` may be negative and `last` past the
// edge when the field reaches into padding; clipped() keeps the real cells.
struct CellRange {
    int first = 0;
    int last = 0;
    int size() const { return last - first + 1; }
};

struct FieldRegion {
    CellRange rows;  // unclipped: the field's true extent, padding included
    CellRange cols;
    CellRange clipped_rows;  // the real input cells inside it
    CellRange clipped_cols;

    // Part of the field lies in the padding ring.
    bool reaches_padding() const {
        return clipped_rows.size() != rows.size() || clipped_cols.size() != cols.size();
    }
    // At least one real input cell lies inside it.
    bool has_input_cells() const { return clipped_rows.size() > 0 && clipped_cols.size() > 0; }
};

// The region each layer's input that unit (y, x) of the output of layers.back() reads.
// Element 0 is the network input; element L-1 is the input of the last layer; the
// last element is the unit itself. Layers must be conv or pool geometries, each
// layer's input size equal to the previous one's output size.
std::vector<FieldRegion> receptive_field(const std::vector<ConvGeometry>& layers, int y, int x);

}  // namespace convscope
