// Signal (issue 11): a 1-D convolution. The signal's numbers with its plot under them,
// the kernel under the window it reads, then the output, each value under the centre of
// its window, plotted under the input (core's signal_plots_at: the window and the
// sample being computed highlighted).
#include <algorithm>

#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

namespace {

constexpr float kPlotRows = 4.5f;  // each plot's height in cells

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
    Board& board = result.board;

    // The signal and its plot; the window outlined on the numbers, shaded on the plot.
    GridView input = input_slice(pg, 0, 0, step,
                                 trf("Signal x: {n} samples", {{"n", std::to_string(axis.input)}}));
    share_range(input, figure->input);
    board.add_grid(std::move(input), 0, 0, input_target(pg, 0, 0));
    const SignalPlots plots = signal_plots_at(pg, context.step_index);
    const float plot_top = 1.2f;
    board.add_plot(plots.input, GridRole::Input, 0, plot_top, kPlotRows);

    // The kernel under the window it reads now.
    const float kernel_top = plot_top + kPlotRows + kLabelHeight + 0.4f;
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
    // Samples not yet computed are left out, like their numbers.
    board.add_plot(plots.output, GridRole::Output, output_left, output_top + plot_top, kPlotRows);

    result.lines.push_back(step_equation_line(context));
    result.lines.push_back({{formula_text(OpKind::Conv, axis), kMutedInk}});
    return result;
}

}  // namespace convscope
