// Sparse (seed 2.7.1): the convolution written as a matrix (row = output cell, column =
// input cell, entry = the kernel weight that connects them) beside the dense matrix of
// a fully connected layer between the same cells. Core's SparseFigure holds the matrix
// and its counts.
#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

// Also used by the sharing view: the matrix, the step's row outlined.
GridView conv_matrix_grid(const ConvMatrix& matrix, const std::vector<float>& entry_weights,
                          int step_row, const std::string& title) {
    GridView grid;
    grid.role = GridRole::Kernel;
    grid.title = title;
    grid.rows = matrix.rows;
    grid.cols = matrix.cols;
    grid.values = entry_weights;
    for (int row = 0; row < matrix.rows; ++row) {
        for (int col = 0; col < matrix.cols; ++col) {
            grid.states.push_back(matrix.at(row, col) >= 0 ? CellState::Value : CellState::Empty);
        }
    }
    if (step_row >= 0 && step_row < matrix.rows)
        grid.outlines.push_back({step_row, 0, 1, matrix.cols});
    return grid;
}

LessonBoard sparse_board(const ViewContext& context) {
    LessonBoard result;
    const auto* figure = std::get_if<SparseFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    const int outputs = figure->outputs(), inputs = figure->inputs();
    const int k = figure->kernel_cells;
    const int step_row = figure->row_of(context.step.y, context.step.x);

    const TextArgs size = {{"rows", std::to_string(outputs)}, {"cols", std::to_string(inputs)}};
    result.board.add_grid(
        conv_matrix_grid(figure->matrix, figure->entry_weights, step_row,
                         trf("Convolution {rows}\u00d7{cols}: blank = no connection", size)),
        0, 0, {}, true);
    GridView dense = GridView::of(
        GridRole::Kernel, trf("Fully connected {rows}\u00d7{cols}: every entry a weight", size),
        outputs, inputs, std::vector<float>(static_cast<size_t>(outputs * inputs), 1.0f));
    dense.shading = GridShading::Flat;
    dense.show_numbers = false;
    dense.outlines.push_back({step_row, 0, 1, inputs});
    // Short titles and a small gap: at 720p every cell of height counts here.
    result.board.add_grid(std::move(dense), 0, outputs + kLegendHeight + kLabelHeight + 1.0f);

    // Counted from the matrix row: padded cells have no column, so they are not inputs.
    const int read = figure->inputs_read(step_row);
    const TextArgs row = {{"row", std::to_string(step_row)}, {"n", std::to_string(read)}};
    const SpanArgs equation = {{"equation", step_equation_line(context)}};
    result.lines.push_back(spans_line(read == 1 ? tr("Output {row} reads 1 input: {equation}")
                                                : tr("Output {row} reads {n} inputs: {equation}"),
                                      row, equation, kMutedInk));
    // The formula stays as the chapter writes it; only the words around it translate.
    const TextArgs counts = {
        {"k_times_n", "k \u00d7 n = " + std::to_string(k) + " \u00d7 " + std::to_string(outputs) +
                          " = " + std::to_string(figure->window_cells())},
        {"connections", std::to_string(figure->connections)},
        {"k", std::to_string(k)}};
    std::string convolution;
    if (figure->padding_cuts_connections()) {
        convolution = k == 1 ? trf("Convolution: at most {k_times_n}; the padding leaves "
                                   "{connections} connections, 1 distinct weight.",
                                   counts)
                             : trf("Convolution: at most {k_times_n}; the padding leaves "
                                   "{connections} connections, {k} distinct weights.",
                                   counts);
    } else {
        convolution =
            k == 1 ? trf("Convolution: {k_times_n} connections, 1 distinct weight.", counts)
                   : trf("Convolution: {k_times_n} connections, {k} distinct weights.", counts);
    }
    result.lines.push_back({{convolution, kInk}});
    result.lines.push_back(
        {{trf("Fully connected: m \u00d7 n = {m} \u00d7 {n} = {mn} connections and weights.",
              {{"m", std::to_string(inputs)},
               {"n", std::to_string(outputs)},
               {"mn", std::to_string(figure->dense_connections)}}),
          kInk}});
    return result;
}

}  // namespace convscope
