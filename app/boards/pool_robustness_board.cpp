// PoolRobustness (seed 3): max-pool the input and the input shifted one cell to the
// right; ring the outputs that keep their value.
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"
#include "core/lessons/translation.hpp"

namespace convscope {

LessonBoard pool_robustness_board(const ViewContext& context) {
    LessonBoard result;
    const Playground& pg = context.playground;
    if (pg.trace.op() != TracedOp::MaxPool) return steps_board(context);
    const PlaygroundSetup& s = pg.setup;
    const TraceStep& step = context.step;
    const Tensor shifted = shift_tensor(pg.input, 0, 1);
    const Tensor after = max_pool2d(shifted, s.kernel_h, s.kernel_w, s.options);
    const std::vector<bool> unchanged =
        max_pool_unchanged_after_shift(pg.input, s.kernel_h, s.kernel_w, s.options, 0, 1);

    Board& board = result.board;
    const float right = add_single_slice_steps(context, board);
    const float second = board.bottom() + kLabelHeight + 1.0f;

    // The shifted input under the same window, and its pooled output filled up to the
    // same step, so the two rows read alike: same window, same cell being written.
    Playground moved = pg;
    moved.input = shifted;
    GridView input = input_slice(moved, step.n, step.f, step, "Shifted one cell right");
    // The step's winner was found in the unshifted input: mark the shifted window's own.
    input.marked.clear();
    const int row_offset = input_row_offset(pg), col_offset = input_col_offset(pg);
    int winner_y = -1, winner_x = -1;
    for (const TraceTerm& term : step.terms) {
        if (term.tap.padded) continue;
        const int y = term.tap.in_y + row_offset, x = term.tap.in_x + col_offset;
        if (winner_y < 0 || input.value(y, x) > input.value(winner_y, winner_x)) {
            winner_y = y;
            winner_x = x;
        }
    }
    if (winner_y >= 0) input.mark(winner_y, winner_x);
    const float input_rows = static_cast<float>(input.rows),
                input_cols = static_cast<float>(input.cols);
    board.add_grid(std::move(input), 0, second);  // not clickable: its cells are moved copies

    Playground pooled_moved = moved;
    pooled_moved.output = after;
    GridView pooled =
        output_map(pooled_moved, step.n, step.f, context.step_index, step, "After the shift");
    int kept = 0, kept_so_far = 0;
    const int per_map = pooled.rows * pooled.cols;
    const size_t first = static_cast<size_t>((step.n * after.dim(1) + step.f) * per_map);
    for (int y = 0; y < pooled.rows; ++y)
        for (int x = 0; x < pooled.cols; ++x)
            if (unchanged[first + static_cast<size_t>(y * pooled.cols + x)]) {
                ++kept;
                // Rings appear as cells are written, like the values.
                if (pooled.state(y, x) != CellState::Value) continue;
                pooled.mark(y, x);
                ++kept_so_far;
            }
    const float pooled_cols = static_cast<float>(pooled.cols);
    const float pooled_top = second + 0.5f * (input_rows - static_cast<float>(after.dim(2)));
    board.add_grid(std::move(pooled), right - pooled_cols, pooled_top);
    const float operator_left = input_cols, operator_width = right - pooled_cols - input_cols;
    board.add_text(
        {{std::string("max ") + size_text(s.kernel_h, s.kernel_w) + " \u2192", kMutedInk}},
        operator_left + operator_width * 0.5f, second + input_rows * 0.5f, operator_width);

    result.lines.push_back(step_equation_line(context));
    result.lines.push_back({{"Ringed: " + std::to_string(kept_so_far) + " kept so far; in all " +
                                 std::to_string(kept) + " of " + std::to_string(per_map) +
                                 " max-pool outputs keep their value after the shift.",
                             kInk}});
    return result;
}

}  // namespace convscope
