#include "app/boards/step_grids.hpp"

#include <algorithm>
#include <array>

#include "app/model/translate.hpp"

namespace convscope {

namespace {

bool dilated(const ConvGeometry& g) {
    return g.h.dilation > 1 || g.w.dilation > 1;
}

// The bounding box of the step's taps on channel c, in drawn-slice coordinates.
CellSpan window_span(const TraceStep& step, int c, int row_offset, int col_offset) {
    bool first = true;
    int top = 0, bottom = 0, left = 0, right = 0;
    for (const TraceTerm& term : step.terms) {
        if (term.channel != c) continue;
        const int y = term.tap.in_y + row_offset, x = term.tap.in_x + col_offset;
        top = first ? y : std::min(top, y);
        bottom = first ? y : std::max(bottom, y);
        left = first ? x : std::min(left, x);
        right = first ? x : std::max(right, x);
        first = false;
    }
    if (first) return {};
    return {top, left, bottom - top + 1, right - left + 1};
}

}  // namespace

std::string size_text(int rows, int cols) {
    return std::to_string(rows) + "\u00d7" + std::to_string(cols);
}

GridView input_slice(const Playground& playground, int n, int c, const TraceStep& step,
                     std::string title) {
    return input_slice(playground, playground.input, n, c, step, std::move(title));
}

GridView input_slice(const Playground& playground, const Tensor& input, int n, int c,
                     const TraceStep& step, std::string title) {
    const ConvGeometry& g = playground.trace.geometry();
    const PaddingRing ring = input_padding_ring(playground);
    const int row_offset = ring.h.before, col_offset = ring.w.before;
    const bool transposed = g.kind == OpKind::TransposedConv;
    GridView grid;
    grid.role = GridRole::Input;
    grid.title = std::move(title);
    grid.rows = ring.h.size();
    grid.cols = ring.w.size();
    grid.values.assign(static_cast<size_t>(grid.rows * grid.cols), 0.0f);
    grid.states.assign(grid.values.size(), CellState::Padding);
    for (int y = 0; y < g.h.input; ++y) {
        for (int x = 0; x < g.w.input; ++x) {
            const size_t cell = grid.index(y + row_offset, x + col_offset);
            grid.values[cell] = input.at(n, c, y, x);
            grid.states[cell] = CellState::Value;
        }
    }

    const TracedOp op = playground.trace.op();
    const bool reads_this_slice = step.n == n && (!is_pooling(op) || step.f == c);
    if (!reads_this_slice) return grid;
    if (transposed || dilated(g)) {
        // The taps are not one rectangle: outline each cell read.
        for (const TraceTerm& term : step.terms) {
            if (term.channel != c) continue;
            grid.outlines.push_back({term.tap.in_y + row_offset, term.tap.in_x + col_offset, 1, 1});
        }
    } else {
        const CellSpan span = window_span(step, c, row_offset, col_offset);
        if (!span.empty()) grid.outlines.push_back(span);
    }
    if (op == TracedOp::MaxPool && step.winner >= 0) {
        const Tap& tap = step.terms[static_cast<size_t>(step.winner)].tap;
        grid.mark(tap.in_y + row_offset, tap.in_x + col_offset);
    }
    return grid;
}

GridView kernel_slice(const Playground& playground, int f, int c, const TraceStep& step,
                      std::string title) {
    const Tensor& kernel = playground.kernel;
    const bool transposed = playground.trace.op() == TracedOp::TransposedConv;
    const std::array<int, 2> slice = kernel_layout(playground.trace.op()).index(f, c);
    const int rows = kernel.dim(2), cols = kernel.dim(3);
    std::vector<float> values;
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < cols; ++x) values.push_back(kernel.at(slice[0], slice[1], y, x));
    }
    GridView grid = GridView::of(GridRole::Kernel, std::move(title), rows, cols, values);
    if (transposed && step.f == f) {
        for (const TraceTerm& term : step.terms) {
            if (term.channel == c) grid.outlines.push_back({term.tap.k_y, term.tap.k_x, 1, 1});
        }
    }
    return grid;
}

GridView output_map(const Playground& playground, int n, int f, int step_index,
                    const TraceStep& step, std::string title) {
    return output_map(playground.trace, playground.output, n, f, step_index, step,
                      std::move(title));
}

GridView output_map(const OperationTrace& trace, const Tensor& output, int n, int f, int step_index,
                    const TraceStep& step, std::string title) {
    const int rows = output.dim(2), cols = output.dim(3);
    GridView grid;
    grid.role = GridRole::Output;
    grid.title = std::move(title);
    grid.rows = rows;
    grid.cols = cols;
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < cols; ++x) {
            grid.values.push_back(output.at(n, f, y, x));
            grid.states.push_back(trace.step_of(n, f, y, x) <= step_index ? CellState::Value
                                                                          : CellState::Pending);
        }
    }
    if (step.n == n && step.f == f) grid.outlines.push_back({step.y, step.x, 1, 1});
    return grid;
}

std::string output_formula(const Playground& playground) {
    const ConvGeometry& g = playground.trace.geometry();
    const std::string formula_h = formula_text(g.kind, g.h);
    const std::string formula_w = formula_text(g.kind, g.w);
    return formula_h == formula_w
               ? formula_h
               : trf("height: {h}    width: {w}", {{"h", formula_h}, {"w", formula_w}});
}

}  // namespace convscope
