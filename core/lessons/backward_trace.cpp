#include "core/lessons/backward_trace.hpp"

#include "core/formats/nested_array.hpp"
#include "core/lessons/playground.hpp"  // seeded_values
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

GradientTerm term_at(int n, int f, int oy, int ox) {
    GradientTerm term;
    term.n = n;
    term.f = f;
    term.oy = oy;
    term.ox = ox;
    return term;
}

// The kernel cell k with out * stride - pad + k * dilation == in, or -1 when none.
int kernel_cell(const AxisGeometry& axis, int out, int in) {
    const int offset = in + axis.pad_before - out * axis.stride;
    if (offset < 0 || offset % axis.dilation != 0) return -1;
    const int k = offset / axis.dilation;
    return k < axis.kernel ? k : -1;
}

void require_grad_shape(const OperationTrace& forward, const Tensor& grad_output) {
    const std::vector<int> expected = expected_grad_output_shape(forward);
    if (grad_output.shape() != expected) {
        throw InputError("--grad-output must have the output's shape " + shape_text(expected) +
                         ", got " + shape_text(grad_output.shape()));
    }
}

}  // namespace

std::vector<int> expected_grad_output_shape(const OperationTrace& forward) {
    return forward.output_shape();
}

Tensor seeded_grad_output(const OperationTrace& forward, std::uint32_t seed) {
    const std::vector<int> shape = expected_grad_output_shape(forward);
    std::size_t count = 1;
    for (int d : shape) count *= static_cast<std::size_t>(d);
    std::vector<float> values = seeded_values(count, seed, -2, 2);
    bool all_zero = true;
    for (float v : values) all_zero = all_zero && v == 0.0f;
    if (all_zero && !values.empty()) values[0] = 1.0f;  // a gradient worth following
    return Tensor(shape, std::move(values));
}

BackwardTrace BackwardTrace::conv(Tensor input, Tensor weight, bool has_bias, Tensor grad_output,
                                  const Options2d& options) {
    std::vector<float> bias;
    if (has_bias && weight.rank() == 4) bias.assign(static_cast<std::size_t>(weight.dim(0)), 0.0f);
    BackwardTrace trace;
    trace.forward_ = OperationTrace::conv(std::move(input), std::move(weight), bias, options);
    require_grad_shape(trace.forward_, grad_output);
    trace.grad_output_ = std::move(grad_output);
    trace.has_bias_ = has_bias;
    return trace;
}

BackwardTrace BackwardTrace::pool(TracedOp kind, Tensor input, int window_h, int window_w,
                                  Tensor grad_output, const Options2d& options) {
    BackwardTrace trace;
    trace.forward_ = OperationTrace::pool(kind, std::move(input), window_h, window_w, options);
    require_grad_shape(trace.forward_, grad_output);
    trace.grad_output_ = std::move(grad_output);
    if (kind == TracedOp::MaxPool) {
        // The forward trace's winners: the first maximum, padding never, as the layer.
        const int width = trace.forward_.geometry().w.input;
        for (int t = 0; t < trace.forward_.step_count(); ++t) {
            const TraceStep step = trace.forward_.step(t);
            int cell = -1;
            if (step.winner >= 0) {
                const Tap& tap = step.terms[static_cast<std::size_t>(step.winner)].tap;
                cell = tap.in_y * width + tap.in_x;
            }
            trace.winners_.push_back(cell);
        }
    }
    return trace;
}

int BackwardTrace::winner(int n, int c, int oy, int ox) const {
    if (winners_.empty()) return -1;
    return winners_[static_cast<std::size_t>(forward_.step_of(n, c, oy, ox))];
}

int BackwardTrace::weight_steps() const {
    if (is_pooling(op())) return 0;
    const Tensor& w = forward_.weight();
    return w.dim(0) * w.dim(1) * w.dim(2) * w.dim(3);
}

int BackwardTrace::bias_steps() const {
    return has_bias_ && !is_pooling(op()) ? forward_.weight().dim(0) : 0;
}

int BackwardTrace::input_steps() const {
    return static_cast<int>(forward_.input().size());
}

GradientStep BackwardTrace::step(int t) const {
    CS_CHECK(t >= 0 && t < step_count());
    if (t < weight_steps()) {
        const Tensor& w = forward_.weight();
        const int kx = t % w.dim(3), ky = (t / w.dim(3)) % w.dim(2);
        const int c = (t / (w.dim(3) * w.dim(2))) % w.dim(1);
        return weight_step(t / (w.dim(3) * w.dim(2) * w.dim(1)), c, ky, kx);
    }
    t -= weight_steps();
    if (t < bias_steps()) return bias_step(t);
    t -= bias_steps();
    const Tensor& in = forward_.input();
    const int x = t % in.dim(3), y = (t / in.dim(3)) % in.dim(2);
    const int c = (t / (in.dim(3) * in.dim(2))) % in.dim(1);
    return input_step(t / (in.dim(3) * in.dim(2) * in.dim(1)), c, y, x);
}

int BackwardTrace::step_of(GradientKind kind, int n, int f, int c, int y, int x) const {
    switch (kind) {
        case GradientKind::Weight: {
            const Tensor& w = forward_.weight();
            CS_CHECK(weight_steps() > 0 && f < w.dim(0) && c < w.dim(1) && y < w.dim(2) &&
                     x < w.dim(3));
            return ((f * w.dim(1) + c) * w.dim(2) + y) * w.dim(3) + x;
        }
        case GradientKind::Bias:
            CS_CHECK(f >= 0 && f < bias_steps());
            return weight_steps() + f;
        case GradientKind::Input: {
            const Tensor& in = forward_.input();
            CS_CHECK(n >= 0 && n < in.dim(0) && c >= 0 && c < in.dim(1) && y >= 0 &&
                     y < in.dim(2) && x >= 0 && x < in.dim(3));
            return weight_steps() + bias_steps() +
                   ((n * in.dim(1) + c) * in.dim(2) + y) * in.dim(3) + x;
        }
    }
    return 0;
}

GradientStep BackwardTrace::weight_step(int f, int c, int ky, int kx) const {
    const ConvGeometry& g = forward_.geometry();
    GradientStep step;
    step.kind = GradientKind::Weight;
    step.f = f;
    step.c = c;
    step.y = ky;
    step.x = kx;
    for (int n = 0; n < grad_output_.dim(0); ++n)
        for (int oy = 0; oy < g.h.output; ++oy)
            for (int ox = 0; ox < g.w.output; ++ox) {
                const int in_y = oy * g.h.stride - g.h.pad_before + ky * g.h.dilation;
                const int in_x = ox * g.w.stride - g.w.pad_before + kx * g.w.dilation;
                if (!g.is_input_cell(in_y, in_x)) continue;  // padding: x = 0 adds nothing
                GradientTerm term = term_at(n, f, oy, ox);
                term.c = c;
                term.in_y = in_y;
                term.in_x = in_x;
                term.k_y = ky;
                term.k_x = kx;
                term.grad_output = grad_output_.at(n, f, oy, ox);
                term.factor = forward_.input().at(n, c, in_y, in_x);
                term.product = term.factor * term.grad_output;
                step.value += term.product;
                step.terms.push_back(term);
            }
    return step;
}

GradientStep BackwardTrace::bias_step(int f) const {
    GradientStep step;
    step.kind = GradientKind::Bias;
    step.f = f;
    for (int n = 0; n < grad_output_.dim(0); ++n)
        for (int oy = 0; oy < grad_output_.dim(2); ++oy)
            for (int ox = 0; ox < grad_output_.dim(3); ++ox) {
                GradientTerm term = term_at(n, f, oy, ox);
                term.grad_output = grad_output_.at(n, f, oy, ox);
                term.product = term.grad_output;
                step.value += term.product;
                step.terms.push_back(term);
            }
    return step;
}

GradientStep BackwardTrace::input_step(int n, int c, int y, int x) const {
    const ConvGeometry& g = forward_.geometry();
    const bool pooling = is_pooling(op());
    GradientStep step;
    step.kind = GradientKind::Input;
    step.n = n;
    step.c = c;
    step.y = y;
    step.x = x;
    const int first_f = pooling ? c : 0;
    const int last_f = pooling ? c + 1 : forward_.weight().dim(0);
    const float mean_share = 1.0f / static_cast<float>(g.h.kernel * g.w.kernel);
    for (int f = first_f; f < last_f; ++f)
        for (int oy = 0; oy < g.h.output; ++oy) {
            const int ky = kernel_cell(g.h, oy, y);
            if (ky < 0) continue;
            for (int ox = 0; ox < g.w.output; ++ox) {
                const int kx = kernel_cell(g.w, ox, x);
                if (kx < 0) continue;
                GradientTerm term = term_at(n, f, oy, ox);
                term.c = c;
                term.in_y = y;
                term.in_x = x;
                term.k_y = ky;
                term.k_x = kx;
                term.grad_output = grad_output_.at(n, f, oy, ox);
                if (op() == TracedOp::MaxPool) {
                    term.factor = winner(n, f, oy, ox) == y * g.w.input + x;
                } else if (op() == TracedOp::AveragePool) {
                    term.factor = mean_share;
                } else {
                    term.factor = forward_.weight().at(f, c, ky, kx);
                }
                term.product = term.grad_output * term.factor;
                step.value += term.product;
                step.terms.push_back(term);
            }
        }
    return step;
}

Tensor BackwardTrace::grad_input() const {
    Tensor result(forward_.input().shape());
    const int first = weight_steps() + bias_steps();
    for (int t = 0; t < input_steps(); ++t) result.data()[t] = step(first + t).value;
    return result;
}

Tensor BackwardTrace::grad_weight() const {
    if (weight_steps() == 0) return Tensor();
    Tensor result(forward_.weight().shape());
    for (int t = 0; t < weight_steps(); ++t) result.data()[t] = step(t).value;
    return result;
}

std::vector<float> BackwardTrace::grad_bias() const {
    std::vector<float> result;
    for (int f = 0; f < bias_steps(); ++f) result.push_back(step(weight_steps() + f).value);
    return result;
}

std::string gradient_equation(const GradientStep& step) {
    auto operand = [](float v) {
        const std::string text = number_text(v);
        return v < 0 ? "(" + text + ")" : text;
    };
    std::string text;
    for (const GradientTerm& term : step.terms) {
        if (!text.empty()) text += " + ";
        if (step.kind == GradientKind::Bias) {
            text += operand(term.grad_output);
        } else if (step.kind == GradientKind::Weight) {
            text += number_text(term.factor) + "x" + operand(term.grad_output);
        } else {
            text += number_text(term.grad_output) + "x" + operand(term.factor);
        }
    }
    if (text.empty()) text = "0";
    return text + " = " + number_text(step.value);
}

}  // namespace convscope
