// Sharing (seed 2.7.2): click a kernel weight and every place it is used lights up:
// the input cells it multiplies, the outputs it contributes to, its matrix entries.
#include <algorithm>

#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"
#include "core/lessons/conv_matrix.hpp"
#include "core/ops/window_map.hpp"

namespace convscope {

LessonBoard sharing_board(const ViewContext& context) {
    LessonBoard result;
    const Playground& pg = context.playground;
    if (pg.trace.op() != TracedOp::Conv) return steps_board(context);
    const ConvGeometry& g = pg.trace.geometry();
    const CellRef& selected = context.state.selected_cell;
    const bool clicked = selected.tensor == CellRef::Tensor::Kernel && selected.y < g.h.kernel &&
                         selected.x < g.w.kernel;
    // Until a weight is clicked, the centre one shows the idea.
    const bool has_weight = true;
    const int ky = clicked ? selected.y : g.h.kernel / 2,
              kx = clicked ? selected.x : g.w.kernel / 2;

    // The matrix below is much wider than input * kernel = output: spread that row
    // out and centre it, so the short grids' titles do not run into each other.
    Board steps;
    const float row_width = add_single_slice_steps(context, steps, 3.0f);
    const ConvMatrix matrix = conv_as_matrix(g);
    const float shift = std::max(0.0f, (static_cast<float>(matrix.cols) - row_width) * 0.5f);
    // Light the selected weight's uses on the input, kernel and output.
    const int row_offset = input_row_offset(pg), col_offset = input_col_offset(pg);
    for (const Board::PlacedGrid& item : steps.grids()) {
        GridView grid = item.grid;
        // Rings mean "uses this weight" here; the step's window would compete with them.
        if (item.target.kind != ClickTarget::Kind::KernelCell) grid.outlines.clear();
        if (has_weight) {
            if (item.target.kind == ClickTarget::Kind::KernelCell) grid.mark(ky, kx);
            for (int oy = 0; oy < g.h.output; ++oy) {
                for (int ox = 0; ox < g.w.output; ++ox) {
                    for (const Tap& tap : output_taps(g, oy, ox)) {
                        if (tap.k_y != ky || tap.k_x != kx || tap.padded) continue;
                        if (item.target.kind == ClickTarget::Kind::InputCell) {
                            grid.mark(tap.in_y + row_offset, tap.in_x + col_offset);
                        } else if (grid.role == GridRole::Output && grid.rows == g.h.output) {
                            grid.mark(oy, ox);
                        }
                    }
                }
            }
        }
        result.board.add_grid(std::move(grid), item.x + shift, item.y, item.target,
                              item.with_legend);
    }
    for (const Board::PlacedText& text : steps.texts()) {
        result.board.add_text(text.line, text.x + shift, text.y, text.max_width, text.style);
    }

    GridView matrix_grid = conv_matrix_grid(
        pg, matrix, -1, "The same convolution as a matrix: each weight repeats on every row");
    const int weight = ky * g.w.kernel + kx;
    if (has_weight) {
        for (int row = 0; row < matrix.rows; ++row)
            for (int col = 0; col < matrix.cols; ++col)
                if (matrix.at(row, col) == weight) matrix_grid.mark(row, col);
    }
    const float below = result.board.bottom() + kLabelHeight + 0.8f;
    result.board.add_grid(std::move(matrix_grid), 0, below);

    if (has_weight) {
        const float value = pg.kernel.at(0, 0, ky, kx);
        result.lines.push_back(
            {{"Weight (" + std::to_string(ky) + ", " + std::to_string(kx) + ") = ", kMutedInk},
             {value_text(value, context.metrics), role_ink(GridRole::Kernel)},
             {" is used " + std::to_string(matrix.uses_of_weight(weight)) +
                  " times: every ringed cell. " + std::to_string(g.h.kernel * g.w.kernel) +
                  " weights serve all " + std::to_string(matrix.rows) + " outputs.",
              kMutedInk}});
        if (!clicked) {
            result.lines.back().push_back({"   Click another weight.", highlight_ink()});
        }
    }
    result.lines.push_back(step_equation_line(context));
    return result;
}

}  // namespace convscope
