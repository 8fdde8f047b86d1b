// A board rebuilt with its grids changed: the matrix lessons draw the steps board of a
// playground core derived (the direct convolution of a transposed one, the kernel
// turned 180°) and retitle or restyle its grids, or make them unclickable where the
// drawn cell is not the cell a click would edit, or leave some out.
#pragma once

#include <functional>

#include "app/widgets/board.hpp"

namespace convscope {

// `change` edits a grid in place and returns whether to keep it.
Board restyled(const Board& board, const std::function<bool(Board::PlacedGrid&)>& change);

}  // namespace convscope
