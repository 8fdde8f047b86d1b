// PoolRobustness (seed 3): max-pool the input and the input shifted one cell to the
// right; ring the outputs that keep their value.
#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

LessonBoard pool_robustness_board(const ViewContext& context) {
    LessonBoard result;
    const auto* figure = std::get_if<PoolRobustnessFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    const Playground& pg = context.playground;
    const PlaygroundSetup& s = pg.setup;
    const TraceStep& step = context.step;
    const Tensor& after = figure->shifted_output;

    Board& board = result.board;
    const float right = add_single_slice_steps(context, board);
    const float second = board.bottom() + kLabelHeight + 1.0f;

    // The shifted input under the same window, and its pooled output filled up to the
    // same step, so the two rows read alike: same window, same cell being written.
    GridView input =
        input_slice(pg, figure->shifted_input, step.n, step.f, step, tr("Shifted one cell right"));
    // The step's winner was found in the unshifted input: mark the shifted window's own.
    input.marked.clear();
    const GridCell winner = figure->winner(step.n, step.f, step.y, step.x);
    if (winner.exists()) {
        const PaddingRing ring = input_padding_ring(pg);
        input.mark(winner.y + ring.h.before, winner.x + ring.w.before);
    }
    const float input_rows = static_cast<float>(input.rows),
                input_cols = static_cast<float>(input.cols);
    board.add_grid(std::move(input), 0, second);  // not clickable: its cells are moved copies

    GridView pooled = output_map(pg.trace, after, step.n, step.f, context.step_index, step,
                                 tr("After the shift"));
    const int kept = figure->kept_in_map(step.n, step.f), per_map = figure->cells_per_map();
    const int kept_so_far = figure->kept_through(step.n, step.f, step.y, step.x);
    for (int y = 0; y < pooled.rows; ++y)
        for (int x = 0; x < pooled.cols; ++x)
            // Rings appear as cells are written, like the values.
            if (figure->is_kept(step.n, step.f, y, x) && pooled.state(y, x) == CellState::Value)
                pooled.mark(y, x);
    const float pooled_cols = static_cast<float>(pooled.cols);
    const float pooled_top = second + 0.5f * (input_rows - static_cast<float>(after.dim(2)));
    board.add_grid(std::move(pooled), right - pooled_cols, pooled_top);
    const float operator_left = input_cols, operator_width = right - pooled_cols - input_cols;
    board.add_text(
        {{trf("max {size} \u2192", {{"size", size_text(s.kernel_h, s.kernel_w)}}), kMutedInk}},
        operator_left + operator_width * 0.5f, second + input_rows * 0.5f,
        operator_width - kOperatorMargin);

    result.lines.push_back(step_equation_line(context));
    result.lines.push_back({{trf("Ringed: {so_far} kept so far; in all {kept} of {total} max-pool "
                                 "outputs keep their value after the shift.",
                                 {{"so_far", std::to_string(kept_so_far)},
                                  {"kept", std::to_string(kept)},
                                  {"total", std::to_string(per_map)}}),
                             kInk}});
    return result;
}

}  // namespace convscope
