// The grids and lines of the backward view (backward_board.cpp): the sources of one
// gradient step (x, w, dL/dY) with the step's cells outlined, the gradients filled in up
// to the step, and the step's products written out. Every number comes from core's
// BackwardFigure; the step grids' builders (step_grids.hpp) draw x and w.
#pragma once

#include <string>

#include "app/boards/lesson_boards.hpp"

namespace convscope {

// Which axes have more than one index, so titles name n, c or f only where they matter.
struct BackwardIndices {
    bool items = false, channels = false, filters = false;
};
BackwardIndices backward_indices(const Playground& playground);

// The gradient slices the step's picture shows: dL/dX (n, c), dL/dW (f, c).
struct GradientCell {
    int n = 0, c = 0, f = 0;
};
GradientCell current_cell(const BackwardTrace& trace, const GradientStep& step);

// Input x (n, c) in its padding ring: a dL/dW step outlines the cells its products
// read, a dL/dX step outlines the cell whose gradient it is; max pooling marks every
// window's winner, where the gradients go.
GridView backward_input(const Playground& playground, const BackwardFigure& figure,
                        const GradientStep& step, int n, int c, const BackwardIndices& names);
// Kernel w (f, c): a dL/dW step marks its weight, a dL/dX step outlines the weights
// that read the cell.
GridView backward_kernel(const Playground& playground, const GradientStep& step, int f, int c,
                         const BackwardIndices& names);
// dL/dY (n, f): the cells of the step's products outlined.
GridView backward_grad_output(const BackwardTrace& trace, const GradientStep& step, int n, int f,
                              const BackwardIndices& names);

// The gradients, cells up to step t with values, later ones pending. dL/dX keeps the
// input's padding ring, grey: padding cells get no gradient.
GridView gradient_input(const Playground& playground, const BackwardFigure& figure, int t,
                        const GradientCell& cell, const BackwardIndices& names);
GridView gradient_weight(const BackwardFigure& figure, int t, const GradientCell& cell,
                         const BackwardIndices& names);
GridView gradient_bias(const BackwardFigure& figure, int t, const GradientStep& step);

// "dL/dW[1,2] = 3×1 + 0×(−2) + … = 5", each number in its grid's colour.
TextLine gradient_equation_line(const ViewContext& context, const BackwardTrace& trace,
                                const GradientStep& step);
// Why these products: how many windows used the weight or read the cell.
TextLine gradient_reason_line(const ViewContext& context, const BackwardTrace& trace,
                              const GradientStep& step);
// How the timeline is ordered: dL/dW, dL/db, dL/dX and their step counts.
TextLine gradient_order_line(const BackwardTrace& trace);

}  // namespace convscope
