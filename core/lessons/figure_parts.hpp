// Small pieces the lesson figures share: a cell's position on a grid, and one (n, c)
// plane of a rank-4 tensor as a tensor of its own.
#pragma once

#include "core/tensor/tensor.hpp"

namespace convscope {

// A cell of a 2-D grid: (y, x) of a map, or (row, col) of a matrix. {-1, -1} for none.
struct GridCell {
    int y = -1;
    int x = -1;
    bool exists() const { return y >= 0 && x >= 0; }
    bool operator==(const GridCell& other) const { return y == other.y && x == other.x; }
};

// tensor (N,C,H,W) -> its plane (n, c) as (1,1,H,W)
Tensor plane(const Tensor& tensor, int n, int c);

}  // namespace convscope
