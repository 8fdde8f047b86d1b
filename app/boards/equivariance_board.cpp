// Equivariance (seed 2.7.3): shift the input one cell to the right; the convolution's
// output shifts the same way. conv(shift(x)) - shift(conv(x)) is zero except where the
// shift pushed cells in from the border.
#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

namespace {

// The step's window on a plain (unpadded) slice, clipped to the grid.
void outline_window(GridView& grid, const TraceStep& step, int dx) {
    for (const TraceTerm& term : step.terms) {
        const int y = term.tap.in_y, x = term.tap.in_x + dx;
        if (term.channel == 0 && y >= 0 && y < grid.rows && x >= 0 && x < grid.cols) {
            grid.outlines.push_back({y, x, 1, 1});
        }
    }
}

}  // namespace

LessonBoard equivariance_board(const ViewContext& context) {
    LessonBoard result;
    const auto* figure = std::get_if<EquivarianceFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    if (!figure->holds()) {
        result = steps_board(context);
        // Core says why in numbers; the sentence is the window's, in its language.
        const std::string stride = figure->stride_h == figure->stride_w
                                       ? std::to_string(figure->stride_h)
                                       : size_text(figure->stride_h, figure->stride_w);
        const std::string why =
            figure->stride_too_large()
                ? trf("Equivariance to one-cell shifts needs stride 1, and the stride here is "
                      "{stride}: set it to 1 to compare.",
                      {{"stride", stride}})
                : figure->error;
        result.lines.insert(result.lines.begin(), {{why, kErrorInk}});
        return result;
    }
    const TraceStep& step = context.step;
    const ShiftedConvolution& map = figure->at(step.n, step.f);
    const Tensor& input = map.x;
    const Tensor& conv_x = map.conv_x;

    const float in_rows = static_cast<float>(input.dim(2)),
                in_cols = static_cast<float>(input.dim(3));
    const float out_rows = static_cast<float>(conv_x.dim(2)),
                out_cols = static_cast<float>(conv_x.dim(3));
    // Two rows of three: x -> conv(x) -> shift(conv(x)) above, shift(x) ->
    // conv(shift(x)) -> their difference below. The gaps are wide enough for the arrow
    // words, which shrink rather than reach into a grid.
    const float gap = 4.2f, arrow = gap - 0.5f;
    const float out_top = (in_rows - out_rows) * 0.5f;
    const float second = in_rows + 1.1f + kLabelHeight;
    const float col1 = in_cols + gap, col2 = col1 + out_cols + gap;
    Board& board = result.board;

    GridView x = tensor_grid(GridRole::Input, "x", input, 0, 0);
    outline_window(x, step, 0);
    board.add_grid(std::move(x), 0, 0);
    GridView xs = tensor_grid(GridRole::Input, tr("shift(x): one cell right"), map.shifted, 0, 0);
    outline_window(xs, step, 0);
    board.add_grid(std::move(xs), 0, second);

    GridView cx = tensor_grid(GridRole::Output, "conv(x)", conv_x, 0, 0);
    cx.outlines.push_back({step.y, step.x, 1, 1});
    board.add_grid(std::move(cx), col1, out_top);
    GridView cxs = tensor_grid(GridRole::Output, "conv(shift(x))", map.conv_of_shift, 0, 0);
    cxs.outlines.push_back({step.y, step.x, 1, 1});
    board.add_grid(std::move(cxs), col1, second + out_top);

    board.add_grid(tensor_grid(GridRole::Output, "shift(conv(x))", map.shift_of_conv, 0, 0), col2,
                   out_top);
    // The difference's name is too long for one line over a narrow grid (it shrank to
    // a few pixels): it gets two lines of its own, at full title size.
    GridView difference = tensor_grid(GridRole::Output, "", map.difference, 0, 0);
    for (int y = 0; y < difference.rows; ++y)
        for (int c = 0; c < difference.cols; ++c)
            if (map.differs[difference.index(y, c)]) difference.mark(y, c);
    const float difference_top = second + out_top;
    const float title_centre = col2 + out_cols * 0.5f, title_width = out_cols + gap;
    const ImU32 output_ink = role_ink(GridRole::Output);
    board.add_text({{"conv(shift(x))", output_ink}}, title_centre, difference_top - 1.35f,
                   title_width);
    board.add_text({{"\u2212 shift(conv(x))", output_ink}}, title_centre, difference_top - 0.45f,
                   title_width);
    board.add_grid(std::move(difference), col2, difference_top, {}, true);

    const char* conv = tr("conv \u2192");
    board.add_text({{conv, kMutedInk}}, in_cols + gap * 0.5f, in_rows * 0.5f, arrow);
    board.add_text({{conv, kMutedInk}}, in_cols + gap * 0.5f, second + in_rows * 0.5f, arrow);
    board.add_text({{tr("shift \u2192"), kMutedInk}}, col1 + out_cols + gap * 0.5f, in_rows * 0.5f,
                   arrow);
    board.add_text({{tr("compare \u2192"), kMutedInk}}, col1 + out_cols + gap * 0.5f,
                   second + in_rows * 0.5f, arrow);

    result.lines.push_back(step_equation_line(context));
    result.lines.push_back(
        {{trf("conv(shift(x)) \u2212 shift(conv(x)): {n} of {total} cells differ (ringed), all "
              "at the left border where the shift let zeros in.",
              {{"n", std::to_string(map.differing)},
               {"total", std::to_string(map.differs.size())}}),
          kInk}});
    return result;
}

}  // namespace convscope
