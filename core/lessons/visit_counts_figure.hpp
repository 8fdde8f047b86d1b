// The padding lessons' figure (seed 2.3): how many output cells read each input cell.
// Same padding reads the border less than the centre; full padding reads every cell
// k times along each axis. Not always the border: a stride larger than the kernel
// (i=7, k=1, s=3) reads the corners and never some inside cells.
#pragma once

#include <vector>

#include "core/lessons/playground.hpp"

namespace convscope {

struct VisitCountsFigure {
    int rows = 0, cols = 0;   // the input's H and W
    std::vector<int> counts;  // rows*cols, row-major: output cells reading each input cell
    int fewest = 0, most = 0;

    int at(int y, int x) const;
    bool uniform() const { return fewest == most; }
    // The cells read fewest times all lie on the input's border (and it has an inside
    // to compare with): "the border is read least" is true.
    bool border_read_least() const;
    // How many cells no output reads.
    int never_read() const;
};

// For any operation: a transposed convolution counts the outputs each input reaches.
VisitCountsFigure build_visit_counts_figure(const Playground& playground);

}  // namespace convscope
