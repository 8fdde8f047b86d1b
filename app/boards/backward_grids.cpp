// Sections: titles and numbers, the sources, the gradients, the lines.
#include "app/boards/backward_grids.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/boards/board_text.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

// ---- titles and numbers ----------------------------------------------------------------

namespace {

constexpr std::size_t kMaxTerms = 16;  // longer sums end in "+ … (n more)"

std::string index_text(const char* name, int value, bool shown) {
    return shown ? std::string(" ") + name + "=" + std::to_string(value) : std::string();
}

// A short number: integers and halves as core writes them, 1/9 as 0.111.
std::string short_value(float value, const UiMetrics& metrics) {
    std::string text = value_text(value, metrics);
    if (text.size() <= 6) return text;
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.3g", std::fabs(value));
    const std::string minus = value_text(-1.0f, metrics);
    return (value < 0 ? minus.substr(0, minus.size() - 1) : std::string()) + digits;
}

// A factor after "×": in brackets when negative, so "2×(−1)" does not read as a minus.
std::string factor_text(float value, const UiMetrics& metrics) {
    const std::string text = short_value(value, metrics);
    return value < 0 ? "(" + text + ")" : text;
}

const char* times_sign(const UiMetrics& metrics) {
    return metrics.fonts->has_math_glyphs() ? "\u00d7" : "x";
}

void share_range(GridView& grid, const Tensor& tensor) {
    if (tensor.size() == 0) return;
    const auto [low, high] = std::minmax_element(tensor.values().begin(), tensor.values().end());
    grid.set_range(*low, *high);
}

TraceStep no_forward_step() {
    TraceStep none;
    none.n = -1;  // reads no slice: the forward window stays off
    return none;
}

std::string gradient_label(const GradientStep& step, const BackwardIndices& names) {
    auto list = [](std::initializer_list<int> values) {
        std::string text;
        for (int v : values) text += (text.empty() ? "[" : ",") + std::to_string(v);
        return text + "]";
    };
    switch (step.kind) {
        case GradientKind::Weight:
            return "dL/dW" + (names.filters || names.channels
                                  ? list({step.f, step.c, step.y, step.x})
                                  : list({step.y, step.x}));
        case GradientKind::Bias:
            return "dL/db" + (names.filters ? list({step.f}) : std::string());
        case GradientKind::Input:
            return "dL/dX" + (names.items || names.channels ? list({step.n, step.c, step.y, step.x})
                                                            : list({step.y, step.x}));
    }
    return "";
}

}  // namespace

BackwardIndices backward_indices(const Playground& playground) {
    BackwardIndices names;
    names.items = playground.input.dim(0) > 1;
    names.channels = playground.input.dim(1) > 1;
    names.filters = !is_pooling(playground.trace.op()) && playground.kernel.dim(0) > 1;
    return names;
}

GradientCell current_cell(const BackwardTrace& trace, const GradientStep& step) {
    (void)trace;
    if (step.kind == GradientKind::Input) return {step.n, step.c, 0};
    return {0, step.c, step.f};
}

// ---- the sources -----------------------------------------------------------------------

GridView backward_input(const Playground& playground, const BackwardFigure& figure,
                        const GradientStep& step, int n, int c, const BackwardIndices& names) {
    const std::string title = std::string(tr("Input x")) + index_text("n", n, names.items) +
                              index_text("c", c, names.channels);
    GridView grid = input_slice(playground, n, c, no_forward_step(), title);
    share_range(grid, playground.input);
    const PaddingRing ring = input_padding_ring(playground);
    const int row_offset = ring.h.before, col_offset = ring.w.before;
    if (step.kind == GradientKind::Weight) {
        for (const GradientTerm& term : step.terms)
            if (term.n == n && term.c == c)
                grid.outlines.push_back({term.in_y + row_offset, term.in_x + col_offset, 1, 1});
    } else if (step.kind == GradientKind::Input && step.n == n && step.c == c) {
        const BackwardTrace& trace = figure.trace;
        if (!is_pooling(trace.op())) {
            grid.outlines.push_back({step.y + row_offset, step.x + col_offset, 1, 1});
            return grid;
        }
        // Pooling: the windows holding the cell, and (max) each one's winner ringed.
        const ConvGeometry& g = trace.forward().geometry();
        const int width = playground.input.dim(3);
        for (const GradientTerm& term : step.terms) {
            grid.outlines.push_back({term.oy * g.h.stride - g.h.pad_before + row_offset,
                                     term.ox * g.w.stride - g.w.pad_before + col_offset,
                                     g.h.effective_kernel(), g.w.effective_kernel()});
            const int cell = trace.winner(n, c, term.oy, term.ox);
            if (cell >= 0) grid.mark(cell / width + row_offset, cell % width + col_offset);
        }
    }
    return grid;
}

GridView backward_kernel(const Playground& playground, const GradientStep& step, int f, int c,
                         const BackwardIndices& names) {
    const std::string title = std::string(tr("Kernel w")) + index_text("f", f, names.filters) +
                              index_text("c", c, names.channels);
    GridView grid = kernel_slice(playground, f, c, no_forward_step(), title);
    share_range(grid, playground.kernel);
    if (step.kind == GradientKind::Weight && step.f == f && step.c == c) grid.mark(step.y, step.x);
    if (step.kind == GradientKind::Input && step.c == c) {
        for (const GradientTerm& term : step.terms)
            if (term.f == f) grid.outlines.push_back({term.k_y, term.k_x, 1, 1});
    }
    return grid;
}

GridView backward_grad_output(const BackwardTrace& trace, const GradientStep& step, int n, int f,
                              const BackwardIndices& names) {
    const bool pooling = is_pooling(trace.op());
    const std::string title =
        "dL/dY" + index_text("n", n, names.items) +
        index_text(pooling ? "c" : "f", f, pooling ? names.channels : names.filters);
    GridView grid = tensor_grid(GridRole::Output, title, trace.grad_output(), n, f);
    share_range(grid, trace.grad_output());
    for (const GradientTerm& term : step.terms)
        if (term.n == n && term.f == f) grid.outlines.push_back({term.oy, term.ox, 1, 1});
    return grid;
}

// ---- the gradients ---------------------------------------------------------------------

GridView gradient_input(const Playground& playground, const BackwardFigure& figure, int t,
                        const GradientCell& cell, const BackwardIndices& names) {
    const BackwardTrace& trace = figure.trace;
    const PaddingRing ring = input_padding_ring(playground);
    GridView grid;
    grid.role = GridRole::Input;
    grid.title =
        "dL/dX" + index_text("n", cell.n, names.items) + index_text("c", cell.c, names.channels);
    grid.rows = ring.h.size();
    grid.cols = ring.w.size();
    grid.values.assign(static_cast<std::size_t>(grid.rows * grid.cols), 0.0f);
    grid.states.assign(grid.values.size(), CellState::Padding);
    const Tensor& values = figure.grad_input;
    for (int y = 0; y < values.dim(2); ++y)
        for (int x = 0; x < values.dim(3); ++x) {
            const std::size_t at = grid.index(y + ring.h.before, x + ring.w.before);
            // Three decimals: average pooling's ninths would not fit a cell otherwise.
            grid.values[at] = std::round(values.at(cell.n, cell.c, y, x) * 1000.0f) / 1000.0f;
            const int step = trace.step_of(GradientKind::Input, cell.n, 0, cell.c, y, x);
            grid.states[at] = step <= t ? CellState::Value : CellState::Pending;
            if (step == t) grid.outlines.push_back({y + ring.h.before, x + ring.w.before, 1, 1});
        }
    share_range(grid, values);
    return grid;
}

GridView gradient_weight(const BackwardFigure& figure, int t, const GradientCell& cell,
                         const BackwardIndices& names) {
    const Tensor& values = figure.grad_weight;
    GridView grid = tensor_grid(
        GridRole::Kernel,
        "dL/dW" + index_text("f", cell.f, names.filters) + index_text("c", cell.c, names.channels),
        values, cell.f, cell.c);
    for (int y = 0; y < grid.rows; ++y)
        for (int x = 0; x < grid.cols; ++x) {
            const int step = figure.trace.step_of(GradientKind::Weight, 0, cell.f, cell.c, y, x);
            if (step > t) grid.states[grid.index(y, x)] = CellState::Pending;
            if (step == t) grid.outlines.push_back({y, x, 1, 1});
        }
    share_range(grid, values);
    return grid;
}

GridView gradient_bias(const BackwardFigure& figure, int t, const GradientStep& step) {
    const int filters = static_cast<int>(figure.grad_bias.size());
    GridView grid = GridView::of(GridRole::Kernel, "dL/db", 1, filters, figure.grad_bias);
    for (int f = 0; f < filters; ++f) {
        const int at = figure.trace.step_of(GradientKind::Bias, 0, f, 0, 0, 0);
        if (at > t) grid.states[static_cast<std::size_t>(f)] = CellState::Pending;
    }
    if (step.kind == GradientKind::Bias) grid.outlines.push_back({0, step.f, 1, 1});
    return grid;
}

// ---- the lines -------------------------------------------------------------------------

TextLine gradient_equation_line(const ViewContext& context, const BackwardTrace& trace,
                                const GradientStep& step) {
    const UiMetrics& metrics = context.metrics;
    const ImU32 input_ink = role_ink(GridRole::Input), kernel_ink = role_ink(GridRole::Kernel);
    const ImU32 output_ink = role_ink(GridRole::Output);
    const bool pooling = is_pooling(trace.op());
    TextLine terms;
    const std::size_t shown = std::min(step.terms.size(), kMaxTerms);
    for (std::size_t i = 0; i < shown; ++i) {
        const GradientTerm& term = step.terms[i];
        if (i > 0) terms.push_back({" + ", kMutedInk});
        if (step.kind == GradientKind::Weight) {  // input × dL/dY
            terms.push_back({short_value(term.factor, metrics), input_ink});
            terms.push_back({times_sign(metrics), kMutedInk});
            terms.push_back({factor_text(term.grad_output, metrics), output_ink});
        } else if (step.kind == GradientKind::Bias) {
            terms.push_back({factor_text(term.grad_output, metrics), output_ink});
        } else if (trace.op() == TracedOp::AveragePool) {  // dL/dY / (kh·kw)
            const ConvGeometry& g = trace.forward().geometry();
            terms.push_back({short_value(term.grad_output, metrics), output_ink});
            terms.push_back({"/" + std::to_string(g.h.kernel * g.w.kernel), kMutedInk});
        } else {  // dL/dY × w, or max pooling's 1 (winner) or 0
            terms.push_back({short_value(term.grad_output, metrics), output_ink});
            terms.push_back({times_sign(metrics), kMutedInk});
            terms.push_back({factor_text(term.factor, metrics), pooling ? kInk : kernel_ink});
        }
    }
    if (step.terms.size() > shown) {
        terms.push_back(
            {" + " + trf("... ({n} more)", {{"n", std::to_string(step.terms.size() - shown)}}),
             kMutedInk});
    }
    if (step.terms.empty()) terms.push_back({"0", kMutedInk});
    const ImU32 result_ink = step.kind == GradientKind::Input ? input_ink : kernel_ink;
    TextLine line = {
        {gradient_label(step, backward_indices(context.playground)) + " = ", result_ink}};
    line.insert(line.end(), terms.begin(), terms.end());
    line.push_back({" = ", kMutedInk});
    line.push_back({short_value(step.value, metrics), result_ink});
    return line;
}

TextLine gradient_reason_line(const ViewContext& context, const BackwardTrace& trace,
                              const GradientStep& step) {
    const int count = static_cast<int>(step.terms.size());
    const bool one = count == 1;
    const TextArgs args = {
        {"y", std::to_string(step.y)}, {"x", std::to_string(step.x)}, {"n", std::to_string(count)}};
    (void)context;
    std::string text;
    switch (step.kind) {
        case GradientKind::Weight:
            text =
                one ? trf("Weight ({y}, {x}) was used by 1 window: dL/dW is input × dL/dY there.",
                          args)
                    : trf("Weight ({y}, {x}) was used by {n} windows: dL/dW sums input × "
                          "dL/dY over them.",
                          args);
            break;
        case GradientKind::Bias:
            text =
                trf("The bias was added to all {n} outputs of its filter: dL/db sums their dL/dY.",
                    args);
            break;
        case GradientKind::Input:
            if (count == 0) {
                text = trf("No window reads input cell ({y}, {x}): its gradient is 0.", args);
            } else if (trace.op() == TracedOp::MaxPool) {
                int won = 0;
                for (const GradientTerm& term : step.terms) won += term.factor != 0.0f;
                TextArgs with_won = args;
                with_won.push_back({"won", std::to_string(won)});
                text = one ? trf("Input cell ({y}, {x}) lies in 1 window and wins {won}: "
                                 "×1 where it wins, ×0 elsewhere.",
                                 with_won)
                           : trf("Input cell ({y}, {x}) lies in {n} windows and wins {won}: "
                                 "×1 where it wins, ×0 elsewhere.",
                                 with_won);
            } else if (trace.op() == TracedOp::AveragePool) {
                const ConvGeometry& g = trace.forward().geometry();
                TextArgs with_k = args;
                with_k.push_back({"k", std::to_string(g.h.kernel * g.w.kernel)});
                text = one ? trf("Input cell ({y}, {x}) lies in 1 window: its share of the mean "
                                 "is dL/dY / {k}.",
                                 with_k)
                           : trf("Input cell ({y}, {x}) lies in {n} windows: each gives it dL/dY / "
                                 "{k}.",
                                 with_k);
            } else {
                text = one ? trf("Input cell ({y}, {x}) was read by 1 window: dL/dX is dL/dY × "
                                 "the weight that read it.",
                                 args)
                           : trf("Input cell ({y}, {x}) was read by {n} windows: dL/dX sums dL/dY "
                                 "× the weight that read it.",
                                 args);
            }
            break;
    }
    return {{text, kMutedInk}};
}

TextLine gradient_order_line(const BackwardTrace& trace) {
    const int w = trace.weight_steps(), b = trace.bias_steps(), x = trace.input_steps();
    const TextArgs args = {{"w", std::to_string(w)},
                           {"b1", std::to_string(w + 1)},
                           {"b2", std::to_string(w + b)},
                           {"x1", std::to_string(w + b + 1)},
                           {"x2", std::to_string(w + b + x)}};
    std::string text;
    if (is_pooling(trace.op())) {
        text = trf("dL/dX: steps 1-{x2}, one per input cell (pooling has no weights)", args);
    } else if (b == 1) {
        text = trf("dL/dW: steps 1-{w}    dL/db: step {b1}    dL/dX: steps {x1}-{x2}", args);
    } else if (b > 0) {
        text = trf("dL/dW: steps 1-{w}    dL/db: steps {b1}-{b2}    dL/dX: steps {x1}-{x2}", args);
    } else {
        text = trf("dL/dW: steps 1-{w}    dL/dX: steps {x1}-{x2}", args);
    }
    return {{text, kMutedInk}};
}

}  // namespace convscope
