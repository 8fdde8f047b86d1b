// Im2col (issue 11): the convolution as the engine computes it. The step's item's input
// unrolled into columns (top right), the filters as rows (bottom left), their product
// the output (bottom right), laid out so that filter row f and column q meet at output
// cell (f, q); the input with the step's window sits in the corner they leave.
// Large settings clip the matrices to whole pages that follow the step, with a line
// saying which rows and columns are on screen.
#include <algorithm>
#include <cmath>

#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

namespace {

constexpr float kGap = 1.3f;      // between the left and right matrices: the "×"
constexpr float kBandGap = 1.0f;  // between the top and bottom matrices, plus a title
constexpr float kExtraRows = 2 * kLabelHeight + kBandGap + kLegendHeight;

// The rows and columns on screen: all when they fit at a legible cell size.
struct Im2colWindows {
    MatrixWindow rows, cols;
    float cell_estimate = 0;  // logical pixels per cell, roughly
};

Im2colWindows choose_windows(const Im2colFigure& figure, int focus_col,
                             const ViewContext& context) {
    const int p = figure.patch, q = figure.cells, f = figure.filters;
    const float width = static_cast<float>(p + q) + kGap;
    const float height = static_cast<float>(p + f) + kExtraRows;
    const ImVec2 area = context.area;
    if (area.x <= 0 || area.y <= 0) return {{0, p}, {0, q}, 0};
    const float legible = context.metrics.px(14);
    if (std::min(area.x / width, area.y / height) >= legible) {
        return {{0, p}, {0, q}, std::min(area.x / width, area.y / height)};
    }
    const int rows_budget = static_cast<int>(area.y / legible - f - kExtraRows);
    const int cols_budget = static_cast<int>(area.x / legible - kGap);
    int shown_rows = std::clamp(rows_budget, std::min(p, 4), p);
    const int shown_cols = std::min(q, std::max(cols_budget - shown_rows, std::min(q, 6)));
    if (shown_rows + shown_cols > cols_budget) {
        shown_rows = std::max(std::min(p, 4), cols_budget - shown_cols);
    }
    Im2colWindows windows;
    windows.rows = matrix_window(p, shown_rows, 0);
    windows.cols = matrix_window(q, shown_cols, focus_col);
    windows.cell_estimate = std::min(area.x / (windows.rows.count + windows.cols.count + kGap),
                                     area.y / (windows.rows.count + f + kExtraRows));
    return windows;
}

// How C slices of rows x cols cells fit a box, `across` slices to a row.
struct SliceGrid {
    int across = 1;
    float scale = 0;
};
SliceGrid fit_slices(int channels, float rows, float cols, float width, float height) {
    constexpr float kSliceGap = 0.5f;
    SliceGrid best;
    for (int across = 1; across <= channels; ++across) {
        const int down = (channels + across - 1) / across;
        const float need_w = across * cols + (across - 1) * kSliceGap;
        const float need_h = down * rows + (down - 1) * kSliceGap;
        const float scale = std::min({1.0f, width / need_w, height / need_h});
        if (scale > best.scale) best = {across, scale};
    }
    return best;
}

// Item n's input slices with the step's window: in the corner left of the columns, full
// size with their numbers where one fits, small copies otherwise; when even those do not
// fit the corner (few rows), above the columns; not at all when they would be specks.
void add_inputs(const ViewContext& context, Board& board, float corner, float columns_left,
                float columns_width, float cell_estimate) {
    const Playground& pg = context.playground;
    const TraceStep& step = context.step;
    const int channels = pg.input.dim(1), n = step.n;
    const PaddingRing ring = input_padding_ring(pg);
    const float rows = static_cast<float>(ring.h.size()), cols = static_cast<float>(ring.w.size());

    const std::string size = size_text(pg.input.dim(2), pg.input.dim(3));
    const std::string padded = size_text(ring.h.size(), ring.w.size());
    const TextArgs args = {
        {"c", "0"}, {"n", std::to_string(n)}, {"last", std::to_string(channels - 1)}};
    std::string title = trf("Input {size}", {{"size", size}});
    if (channels > 1) {
        title = trf("Input n={n}, channels c=0 to {last}", args);
    } else if (pg.input.dim(0) > 1) {
        title = trf("Input c={c}, n={n}", args);
    } else if (size != padded) {
        title = trf("Input {size}, padded to {padded}", {{"size", size}, {"padded", padded}});
    }

    // Small copies shrink no further than the board draws them (Board::add_thumbnail).
    constexpr float kMinScale = 0.25f, kThumbnailFloor = 0.2f;
    float box_x = 0, box_y = kLabelHeight, box_w = corner, box_h = corner - kLabelHeight;
    bool above = false;
    SliceGrid grid = fit_slices(channels, rows, cols, box_w, box_h);
    if (grid.scale < kMinScale) {
        // A small patch leaves a small corner: above the columns there is room to spare.
        box_x = columns_left;
        box_w = columns_width;
        box_h = std::max(corner, 8.0f);
        above = true;
        grid = fit_slices(channels, rows, cols, box_w, box_h);
    }
    const float scale = std::max(grid.scale, kThumbnailFloor);
    // Copies drawn at under 4 pixels a cell would spill over the matrices (the board
    // draws no smaller): leave them out; the columns hold the same numbers.
    if (cell_estimate > 0 && cell_estimate * scale < 4.5f) return;
    const float pitch_x = (cols + 0.5f) * scale, pitch_y = (rows + 0.5f) * scale;
    const int down = (channels + grid.across - 1) / grid.across;
    const float used_w = grid.across * pitch_x - 0.5f * scale,
                used_h = down * pitch_y - 0.5f * scale;
    const float left = box_x + (box_w - used_w) * 0.5f;
    // Above the columns: just over their title, however tall the copies came out.
    const float top = above ? -(used_h + 2 * kLabelHeight + 0.4f)
                            : box_y + std::max(0.0f, (box_h - used_h) * 0.5f);
    const bool full = channels == 1 && scale >= 1.0f;
    if (!full) {
        board.add_text({{title, role_ink(GridRole::Input)}}, left + used_w * 0.5f,
                       top - kLabelHeight * 0.5f, std::max({used_w, box_w, 4.0f}),
                       TextStyle::Small);
    }
    for (int c = 0; c < channels; ++c) {
        const float x = left + (c % grid.across) * pitch_x, y = top + (c / grid.across) * pitch_y;
        GridView slice = input_slice(pg, n, c, step, full ? title : "");
        if (full) {
            board.add_grid(std::move(slice), x, y, input_target(pg, n, c));
        } else {
            board.add_thumbnail(std::move(slice), x, y, scale);
        }
    }
}

}  // namespace

LessonBoard im2col_board(const ViewContext& context) {
    const auto* figure = std::get_if<Im2colFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    LessonBoard result;
    const TraceStep& step = context.step;
    const int n = step.n, col = figure->column_of(step.y, step.x);
    const Im2colWindows shown = choose_windows(*figure, col, context);
    const MatrixWindow& rows = shown.rows;
    const MatrixWindow& cols = shown.cols;
    const bool numbers = shown.cell_estimate <= 0 || shown.cell_estimate >= context.metrics.px(14);
    const int filters = figure->filters;

    const float corner = static_cast<float>(rows.count);
    const float right = corner + kGap;
    const float bottom = corner + kBandGap + kLabelHeight;

    // The columns: the step's window is column `col`.
    GridView columns;
    columns.role = GridRole::Input;
    // In a batch each item has its own columns: name the one on screen.
    const TextArgs matrix = {{"rows", std::to_string(figure->patch)},
                             {"cols", std::to_string(figure->cells)},
                             {"n", std::to_string(n)}};
    columns.title = figure->items > 1
                        ? trf("Columns {rows}\u00d7{cols} of item n={n}: one per window", matrix)
                        : trf("Columns {rows}\u00d7{cols}: one per window", matrix);
    columns.rows = rows.count;
    columns.cols = cols.count;
    columns.show_numbers = numbers;
    for (int r = rows.first; r < rows.first + rows.count; ++r)
        for (int q = cols.first; q < cols.first + cols.count; ++q) {
            const bool pad = figure->is_padding(r, q);
            columns.values.push_back(figure->column_entry(n, r, q));
            columns.states.push_back(pad ? CellState::Padding : CellState::Value);
        }
    if (col >= cols.first && col < cols.first + cols.count)
        columns.outlines.push_back({0, col - cols.first, rows.count, 1});
    const auto [low, high] = std::minmax_element(context.playground.input.values().begin(),
                                                 context.playground.input.values().end());
    columns.set_range(std::min(*low, 0.0f), *high);
    result.board.add_grid(std::move(columns), right, 0);

    // The filters as rows.
    GridView weights;
    weights.role = GridRole::Kernel;
    weights.title = trf("Filters {rows}\u00d7{cols}", {{"rows", std::to_string(filters)},
                                                       {"cols", std::to_string(figure->patch)}});
    weights.rows = filters;
    weights.cols = rows.count;
    weights.show_numbers = numbers;
    for (int f = 0; f < filters; ++f)
        for (int r = rows.first; r < rows.first + rows.count; ++r) {
            weights.values.push_back(figure->weight(f, r));
            weights.states.push_back(CellState::Value);
        }
    weights.outlines.push_back({step.f, 0, 1, rows.count});
    result.board.add_grid(std::move(weights), 0, bottom, {}, true);
    result.board.add_text({{"\u00d7", kMutedInk}}, corner + kGap * 0.5f, bottom + filters * 0.5f,
                          kGap * 0.8f, TextStyle::Operator);
    result.board.add_text({{"\u2192", kMutedInk}}, corner + kGap * 0.5f, corner * 0.5f, kGap * 0.8f,
                          TextStyle::Operator);

    // The product: cells written up to this step, the step's cell outlined.
    GridView product;
    product.role = GridRole::Output;
    product.title = trf("Output {rows}\u00d7{cols}", {{"rows", std::to_string(filters)},
                                                      {"cols", std::to_string(figure->cells)}});
    product.rows = filters;
    product.cols = cols.count;
    product.show_numbers = numbers;
    const OperationTrace& trace = context.playground.trace;
    for (int f = 0; f < filters; ++f)
        for (int q = cols.first; q < cols.first + cols.count; ++q) {
            product.values.push_back(figure->product_entry(n, f, q));
            const int y = q / figure->output_cols, x = q % figure->output_cols;
            product.states.push_back(trace.step_of(n, f, y, x) <= context.step_index
                                         ? CellState::Value
                                         : CellState::Pending);
        }
    if (col >= cols.first && col < cols.first + cols.count)
        product.outlines.push_back({step.f, col - cols.first, 1, 1});
    result.board.add_grid(std::move(product), right, bottom, {}, true);

    add_inputs(context, result.board, corner, right, static_cast<float>(cols.count),
               shown.cell_estimate);

    // Beneath: the step as row times column, what the column and row are, any clipping.
    const TextArgs where = {{"q", std::to_string(col)},
                            {"f", std::to_string(step.f)},
                            {"y", std::to_string(step.y)},
                            {"x", std::to_string(step.x)},
                            {"n", std::to_string(figure->patch)}};
    result.lines.push_back(spans_line(tr("Row {f} \u00b7 column {q}: {equation}"), where,
                                      {{"equation", step_equation_line(context)}}, kMutedInk));
    result.lines.push_back(
        {{trf("Column {q} holds the {n} cells of output ({y}, {x})'s window, channel by channel; "
              "hatched cells are padding zeros.",
              where),
          kInk}});
    if (rows.clipped(figure->patch) || cols.clipped(figure->cells)) {
        result.lines.push_back(
            {{trf("Too large to show whole: rows {r0} to {r1} of {rows}, columns {c0} to {c1} "
                  "of {cols}.",
                  {{"r0", std::to_string(rows.first)},
                   {"r1", std::to_string(rows.first + rows.count - 1)},
                   {"rows", std::to_string(figure->patch)},
                   {"c0", std::to_string(cols.first)},
                   {"c1", std::to_string(cols.first + cols.count - 1)},
                   {"cols", std::to_string(figure->cells)}}),
              kMutedInk}});
    }
    return result;
}

}  // namespace convscope
