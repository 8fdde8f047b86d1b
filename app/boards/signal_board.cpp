// Signal (issue 11): a 1-D convolution. The signal's numbers with their bar plot under
// them, the kernel under the window it reads, then the output, each value under the
// centre of its window, with its own bar plot (core's SignalFigure).
#include <algorithm>

#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

namespace {

// The bars as a grid of cells: filled from the zero line to each value's height, in the
// row's colours; `offset` empty columns first (the padding ring before the signal).
GridView bar_grid(GridRole role, const BarPlot& plot, const std::vector<float>& values, int cols,
                  int offset) {
    GridView grid;
    grid.role = role;
    grid.rows = plot.rows;
    grid.cols = cols;
    grid.show_numbers = false;
    grid.values.assign(static_cast<size_t>(plot.rows * cols), 0.0f);
    grid.states.assign(grid.values.size(), CellState::Empty);
    for (size_t i = 0; i < plot.heights.size(); ++i) {
        const int col = offset + static_cast<int>(i), height = plot.heights[i];
        const int top = height > 0 ? plot.zero_row - height : plot.zero_row;
        const int bottom = height > 0 ? plot.zero_row : plot.zero_row - height;
        for (int row = top; row < bottom; ++row) {
            grid.values[grid.index(row, col)] = values[i];
            grid.states[grid.index(row, col)] = CellState::Value;
        }
    }
    return grid;
}

void share_range(GridView& grid, const std::vector<float>& values) {
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    if (low != values.end()) grid.set_range(*low, *high);
}

}  // namespace

LessonBoard signal_board(const ViewContext& context) {
    const auto* figure = std::get_if<SignalFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    LessonBoard result;
    const Playground& pg = context.playground;
    const TraceStep& step = context.step;
    const AxisGeometry& axis = pg.trace.geometry().w;
    const PaddedAxis ring = input_padding_ring(pg).w;
    Board& board = result.board;

    // The signal and its bars; the window outlined on both.
    GridView input = input_slice(pg, 0, 0, step,
                                 trf("Signal x: {n} samples", {{"n", std::to_string(axis.input)}}));
    share_range(input, figure->input);
    const CellSpan window = input.outlines.empty() ? CellSpan{} : input.outlines.front();
    board.add_grid(std::move(input), 0, 0, input_target(pg, 0, 0));
    const float bars_top = 1.35f;
    GridView input_bars =
        bar_grid(GridRole::Input, figure->input_bars, figure->input, ring.size(), ring.before);
    share_range(input_bars, figure->input);
    if (!window.empty())
        input_bars.outlines.push_back({0, window.col, input_bars.rows, window.cols});
    board.add_grid(std::move(input_bars), 0, bars_top);

    // The kernel under the window it reads now.
    const float kernel_top =
        bars_top + static_cast<float>(figure->input_bars.rows) + kLabelHeight + 0.5f;
    const float window_left = static_cast<float>(step.x * axis.stride);
    GridView kernel =
        kernel_slice(pg, 0, 0, step, trf("Kernel, k={k}", {{"k", std::to_string(axis.kernel)}}));
    board.add_grid(std::move(kernel), window_left, kernel_top, kernel_target(pg, 0, 0), false);

    // The output, each cell under its first window's centre (exact at stride 1).
    const float output_top = kernel_top + 1.0f + kLabelHeight + 0.6f;
    const float output_left = (axis.effective_kernel() - 1) * 0.5f;
    GridView output = output_map(pg, 0, 0, context.step_index, step,
                                 trf("Output y: {n} values", {{"n", std::to_string(axis.output)}}));
    share_range(output, figure->output);
    board.add_grid(std::move(output), output_left, output_top);
    GridView output_bars =
        bar_grid(GridRole::Output, figure->output_bars, figure->output, axis.output, 0);
    share_range(output_bars, figure->output);
    // Bars of outputs not yet computed stay blank, like their numbers.
    for (int x = 0; x < axis.output; ++x) {
        if (pg.trace.step_of(0, 0, 0, x) <= context.step_index) continue;
        for (int row = 0; row < output_bars.rows; ++row)
            output_bars.states[output_bars.index(row, x)] = CellState::Empty;
    }
    output_bars.outlines.push_back({0, step.x, output_bars.rows, 1});
    board.add_grid(std::move(output_bars), output_left, output_top + bars_top);

    result.lines.push_back(step_equation_line(context));
    result.lines.push_back({{formula_text(OpKind::Conv, axis), kMutedInk}});
    return result;
}

}  // namespace convscope
