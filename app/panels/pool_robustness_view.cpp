// PoolRobustness (seed 3): max-pool the input and the input shifted one cell to the
// right; ring the outputs that keep their value.
#include "app/gui/step_grids.hpp"
#include "app/panels/lesson_views.hpp"
#include "core/translation.hpp"

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

    // The shifted input with the same window, and its pooled output.
    Playground moved = pg;
    moved.input = shifted;
    GridView input = input_slice(moved, step.n, step.f, step, "Shifted one cell right");
    input.marked.clear();  // the step's winner belongs to the unshifted input
    const float input_rows = static_cast<float>(input.rows);
    board.add_grid(std::move(input), 0, second);
    GridView pooled =
        tensor_grid(GridRole::Output, "Max pool after the shift", after, step.n, step.f);
    int kept = 0;
    const int per_map = pooled.rows * pooled.cols;
    const size_t first = static_cast<size_t>((step.n * after.dim(1) + step.f) * per_map);
    for (int y = 0; y < pooled.rows; ++y)
        for (int x = 0; x < pooled.cols; ++x)
            if (unchanged[first + static_cast<size_t>(y * pooled.cols + x)]) {
                pooled.mark(y, x);
                ++kept;
            }
    pooled.outlines.push_back({step.y, step.x, 1, 1});
    const float pooled_cols = static_cast<float>(pooled.cols);
    const float pooled_top = second + 0.5f * (input_rows - static_cast<float>(after.dim(2)));
    board.add_grid(std::move(pooled), right - pooled_cols, pooled_top);

    result.lines.push_back(step_equation_line(context));
    result.lines.push_back({{std::to_string(kept) + " of " + std::to_string(per_map) +
                                 " max-pool outputs keep their value after the shift (ringed).",
                             kInk}});
    return result;
}

}  // namespace convscope
