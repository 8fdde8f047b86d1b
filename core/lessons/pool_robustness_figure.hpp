// The pool-robustness lesson's figure (seed 3): max-pool the input and the input
// shifted one cell to the right. Many outputs keep their value, because the maximum
// often stays inside its window; the figure says which, and where each window's
// maximum now sits.
#pragma once

#include <vector>

#include "core/lessons/figure_parts.hpp"
#include "core/lessons/playground.hpp"

namespace convscope {

struct PoolRobustnessFigure {
    int dy = 0, dx = 1;     // the shift: one cell to the right
    Tensor shifted_input;   // (N,C,H,W)
    Tensor shifted_output;  // its max pooling: (N,C,OH,OW)
    // Per output cell, in shifted_output's layout:
    std::vector<bool> kept;         // the output keeps its value after the shift
    std::vector<GridCell> winners;  // the shifted input cell holding the window's maximum
                                    // (first in window order); none if it reads only padding
    std::vector<int> kept_per_map;  // item n, channel c at n * C + c
    // Per output cell: the kept cells of its map up to it in row-major order, which is
    // how many are ringed once the trace has written it.
    std::vector<int> kept_so_far;

    int cells_per_map() const { return shifted_output.dim(2) * shifted_output.dim(3); }
    bool is_kept(int n, int c, int y, int x) const { return kept[index(n, c, y, x)]; }
    GridCell winner(int n, int c, int y, int x) const { return winners[index(n, c, y, x)]; }
    int kept_in_map(int n, int c) const;
    int kept_through(int n, int c, int y, int x) const { return kept_so_far[index(n, c, y, x)]; }

  private:
    std::size_t index(int n, int c, int y, int x) const;
};

// For a playground whose operation is max pooling.
PoolRobustnessFigure build_pool_robustness_figure(const Playground& playground);

}  // namespace convscope
