// Sharing (seed 2.7.2): click a kernel weight and every place it is used lights up:
// the input cells it multiplies, the outputs it contributes to, its matrix entries.
#include <algorithm>

#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

LessonBoard sharing_board(const ViewContext& context) {
    LessonBoard result;
    const auto* figure = std::get_if<SharingFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    const Playground& pg = context.playground;
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
    const ConvMatrix& matrix = figure->matrix;
    const WeightUses& uses = figure->uses(ky, kx);
    const float shift = std::max(0.0f, (static_cast<float>(matrix.cols) - row_width) * 0.5f);
    // Light the selected weight's uses on the input, kernel and output.
    const PaddingRing ring = input_padding_ring(pg);
    const int row_offset = ring.h.before, col_offset = ring.w.before;
    for (const Board::PlacedGrid& item : steps.grids()) {
        GridView grid = item.grid;
        // Rings mean "uses this weight" here; the step's window would compete with them.
        if (item.target.kind != ClickTarget::Kind::KernelCell) grid.outlines.clear();
        if (has_weight) {
            if (item.target.kind == ClickTarget::Kind::KernelCell) grid.mark(ky, kx);
            if (item.target.kind == ClickTarget::Kind::InputCell) {
                for (const GridCell& cell : uses.inputs)
                    grid.mark(cell.y + row_offset, cell.x + col_offset);
            } else if (grid.role == GridRole::Output && grid.rows == g.h.output) {
                for (const GridCell& cell : uses.outputs) grid.mark(cell.y, cell.x);
            }
        }
        result.board.add_grid(std::move(grid), item.x + shift, item.y, item.target,
                              item.with_legend);
    }
    for (const Board::PlacedText& text : steps.texts()) {
        result.board.add_text(text.line, text.x + shift, text.y, text.max_width, text.style);
    }

    GridView matrix_grid =
        conv_matrix_grid(matrix, figure->entry_weights, -1,
                         tr("The same convolution as a matrix: each weight repeats on every row"));
    if (has_weight) {
        for (const GridCell& entry : uses.entries) matrix_grid.mark(entry.y, entry.x);
    }
    const float below = result.board.bottom() + kLabelHeight + 0.8f;
    result.board.add_grid(std::move(matrix_grid), 0, below);

    if (has_weight) {
        const float value = pg.kernel.at(0, 0, ky, kx);
        result.lines.push_back(spans_line(
            tr("Weight ({y}, {x}) = {value} is used {n} times: every ringed cell. "
               "{weights} weights serve all {outputs} outputs."),
            {{"y", std::to_string(ky)},
             {"x", std::to_string(kx)},
             {"n", std::to_string(uses.count())},
             {"weights", std::to_string(figure->weights.size())},
             {"outputs", std::to_string(matrix.rows)}},
            {{"value", {{value_text(value, context.metrics), role_ink(GridRole::Kernel)}}}},
            kMutedInk));
        if (!clicked) {
            result.lines.back().push_back(
                {std::string("   ") + tr("Click another weight."), highlight_ink()});
        }
    }
    result.lines.push_back(step_equation_line(context));
    return result;
}

}  // namespace convscope
