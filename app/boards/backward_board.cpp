// Backward (issue 16): dL/dY flows back through the playground's operation. On top, one
// row per term of the sum (each item for dL/dW and dL/db, each filter for dL/dX): the
// input x, the kernel w and dL/dY, the cells of this step's products outlined. Beneath
// them, under the tensor each belongs to (or in a column to the right, when that gives
// larger cells), the gradients dL/dX, dL/dW and dL/db filling in step by step. The products and
// their sum are written under the board, as the forward steps.
#include <algorithm>

#include "app/boards/backward_grids.hpp"
#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

namespace {

constexpr float kColumnGap = 2.4f;  // titles reach 1.1 cells past a narrow grid's sides
constexpr float kRowGap = 0.9f;

// One row of sources: the input slice (n, c), the kernel slice (f, c), dL/dY (n, f).
struct SourceRow {
    int n = 0, f = 0, c = 0;
};

std::vector<SourceRow> source_rows(const BackwardTrace& trace, const GradientStep& step) {
    std::vector<SourceRow> rows;
    const int items = trace.grad_output().dim(0);
    if (step.kind == GradientKind::Input) {
        // dL/dX sums over filters; pooling's channel c reads only its own map.
        const int filters = is_pooling(trace.op()) ? 1 : trace.grad_output().dim(1);
        for (int f = 0; f < filters; ++f)
            rows.push_back({step.n, is_pooling(trace.op()) ? step.c : f, step.c});
    } else {
        for (int n = 0; n < items; ++n) rows.push_back({n, step.f, step.c});
    }
    return rows;
}

}  // namespace

namespace {

// `beside`: the gradients in a column right of the sources (wide, short rooms: a batch's
// rows); otherwise each under the tensor it belongs to.
Board backward_layout(const ViewContext& context, const BackwardFigure& figure,
                      const GradientStep& step, int t, bool beside) {
    const BackwardTrace& trace = figure.trace;
    const Playground& pg = context.playground;
    const bool pooling = is_pooling(trace.op());
    const std::vector<SourceRow> rows = source_rows(trace, step);
    const BackwardIndices names = backward_indices(pg);

    // Columns: x, w (a conv), dL/dY.
    const PaddingRing ring = input_padding_ring(pg);
    const float input_cols = static_cast<float>(ring.w.size());
    const float kernel_cols = pooling ? 0.0f : static_cast<float>(pg.kernel.dim(3));
    const float kernel_x = input_cols + kColumnGap;
    const float grad_out_x = pooling ? kernel_x : kernel_x + kernel_cols + kColumnGap;
    const float row_height = static_cast<float>(
        std::max({ring.h.size(), pooling ? 0 : pg.kernel.dim(2), trace.grad_output().dim(2)}));

    Board board;
    float y = 0;
    for (const SourceRow& row : rows) {
        auto centred = [&](int grid_rows) { return y + (row_height - grid_rows) * 0.5f; };
        GridView input = backward_input(pg, figure, step, row.n, row.c, names);
        const int input_rows = input.rows;
        board.add_grid(std::move(input), 0, centred(input_rows), input_target(pg, row.n, row.c));
        if (!pooling) {
            GridView kernel = backward_kernel(pg, step, row.f, row.c, names);
            const int kernel_rows = kernel.rows;
            board.add_grid(std::move(kernel), kernel_x, centred(kernel_rows),
                           kernel_target(pg, row.f, row.c));
        }
        GridView grad_out = backward_grad_output(trace, step, row.n, row.f, names);
        const CellRef& picked = context.state.selected_cell;  // lit while typing into it
        if (picked.tensor == CellRef::Tensor::GradOutput && picked.i0 == row.n &&
            picked.i1 == row.f && picked.y < grad_out.rows && picked.x < grad_out.cols)
            grad_out.mark(picked.y, picked.x);
        const int grad_rows = grad_out.rows;
        ClickTarget grad_target;  // dL/dY is the student's to edit, as x and w are
        grad_target.kind = ClickTarget::Kind::GradOutputCell;
        grad_target.i0 = row.n;
        grad_target.i1 = row.f;
        board.add_grid(std::move(grad_out), grad_out_x, centred(grad_rows), grad_target);
        y += row_height + kLabelHeight + kRowGap;
    }

    // The gradients; db goes under (or beside) dL/dY, its source.
    const GradientCell cell = current_cell(trace, step);
    GridView grad_input = gradient_input(pg, figure, t, cell, names);
    if (!beside) {
        y += 0.5f;
        board.add_grid(std::move(grad_input), 0, y);
        if (pooling) return board;
        board.add_grid(gradient_weight(figure, t, cell, names), kernel_x, y);
        if (trace.has_bias()) board.add_grid(gradient_bias(figure, t, step), grad_out_x, y);
        return board;
    }
    const float column = grad_out_x + trace.grad_output().dim(3) + kColumnGap + 0.6f;
    const float below = static_cast<float>(grad_input.rows) + kLabelHeight + kRowGap;
    board.add_grid(std::move(grad_input), column, 0);
    if (pooling) return board;
    board.add_grid(gradient_weight(figure, t, cell, names), column, below);
    if (trace.has_bias()) {
        board.add_grid(gradient_bias(figure, t, step), column + kernel_cols + kColumnGap, below);
    }
    return board;
}

// The cell size `board` would get in `area` (draw_board's fit, before rounding).
float fitted_cell(const Board& board, ImVec2 area) {
    const float width = std::max(board.right() - board.left(), 1.0f);
    const float height = std::max(board.bottom() - board.top(), 1.0f);
    return std::min(area.x / width, area.y / height);
}

}  // namespace

LessonBoard backward_board(const ViewContext& context) {
    const auto* figure = std::get_if<BackwardFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    const BackwardTrace& trace = figure->trace;
    const int t = std::clamp(context.step_index, 0, trace.step_count() - 1);
    const GradientStep step = trace.step(t);

    LessonBoard result;
    result.board = backward_layout(context, *figure, step, t, false);
    Board beside = backward_layout(context, *figure, step, t, true);
    if (fitted_cell(beside, context.area) > fitted_cell(result.board, context.area))
        result.board = std::move(beside);
    result.lines.push_back(gradient_equation_line(context, trace, step));
    result.lines.push_back(gradient_reason_line(context, trace, step));
    result.lines.push_back(gradient_order_line(trace));
    return result;
}

}  // namespace convscope
