// The lesson views (core's LessonView): each composes a Board and the lines of text
// beneath it from the playground and the current step. One view per file:
//   lesson_board.cpp            the dispatch: the board of a lesson view
//   steps_board.cpp             Steps: input, kernel, output; channels, filters, batch
//   visit_counts_board.cpp      VisitCounts: the steps plus a heatmap of reads per cell
//   sparse_board.cpp            Sparse: the conv as a matrix beside a dense FC matrix
//   sharing_board.cpp           Sharing: one kernel weight, every place it is used
//   equivariance_board.cpp      Equivariance: conv(shift(x)) against shift(conv(x))
//   pool_robustness_board.cpp   PoolRobustness: max pooling before and after a shift
//   receptive_field_board.cpp   ReceptiveField: a unit's field through two convolutions
//   backward_board.cpp          Backward: dL/dW, dL/db, dL/dX cell by cell (backward_grids)
//   im2col_board.cpp            Im2col: columns times filter rows, the output
//   transposed_direct_board.cpp TransposedDirect: zeros, padding, the kernel turned
//   correlation_board.cpp       CorrelationConvolution: the kernel turned 180° or not
//   groups_board.cpp            Groups: the channels each filter reads, weights saved
//   signal_board.cpp            Signal: a 1-D convolution with bar plots of in and out
#pragma once

#include <string>
#include <vector>

#include "app/model/app_state.hpp"
#include "app/shell/ui_metrics.hpp"
#include "app/widgets/board.hpp"
#include "core/lessons/lesson_figures.hpp"
#include "core/lessons/lessons.hpp"
#include "core/lessons/playground.hpp"

namespace convscope {

struct ViewContext {
    const Playground& playground;
    const LessonFigure& figure;  // core's figure for the lesson's view, if it has one
    const TraceStep& step;
    int step_index = 0;
    const AppState& state;
    const UiMetrics& metrics;
    // Roughly the board's room in logical pixels (0 when unknown): a view with two
    // arrangements keeps the one whose cells come out larger.
    ImVec2 area{0, 0};
};

struct LessonBoard {
    Board board;
    std::vector<TextLine> lines;  // beneath the board: this step's sum, the formula, counts
};

// The view a lesson asks for; Steps for every other setting.
LessonBoard lesson_board(LessonView view, const ViewContext& context);

LessonBoard steps_board(const ViewContext& context);
LessonBoard visit_counts_board(const ViewContext& context);
LessonBoard sparse_board(const ViewContext& context);
LessonBoard sharing_board(const ViewContext& context);
LessonBoard equivariance_board(const ViewContext& context);
LessonBoard pool_robustness_board(const ViewContext& context);
LessonBoard receptive_field_board(const ViewContext& context);
LessonBoard backward_board(const ViewContext& context);
LessonBoard im2col_board(const ViewContext& context);
LessonBoard transposed_direct_board(const ViewContext& context);
LessonBoard correlation_board(const ViewContext& context);
LessonBoard groups_board(const ViewContext& context);
LessonBoard signal_board(const ViewContext& context);

// Shared by the views (steps_board.cpp).

// Cell units kept clear around words between two grids ("max 2×2 →"), both sides.
constexpr float kOperatorMargin = 0.6f;

// The one-item, one-channel, one-filter picture: input ∗ kernel (+ bias) = output,
// pooling and transposed included, placed with the input's top-left at (0, 0).
// Operators get at least `min_gap` cells (for views that have width to spare, so
// titles of narrow grids do not touch). Returns the x just past the output grid.
float add_single_slice_steps(const ViewContext& context, Board& board, float min_gap = 0);

// This step's arithmetic with each number in its grid's colour.
TextLine step_equation_line(const ViewContext& context);

// The click target of the drawn input slice (n, c) or kernel slice.
ClickTarget input_target(const Playground& playground, int n, int c);
ClickTarget kernel_target(const Playground& playground, int f, int c);

// The convolution as a matrix holding `entry_weights` (core's figure), the step's
// output row outlined; -1 outlines none (sparse_board.cpp).
GridView conv_matrix_grid(const ConvMatrix& matrix, const std::vector<float>& entry_weights,
                          int step_row, const std::string& title);

// A plain grid of one (n, c) slice of a rank-4 tensor.
GridView tensor_grid(GridRole role, std::string title, const Tensor& tensor, int n, int c);

}  // namespace convscope
