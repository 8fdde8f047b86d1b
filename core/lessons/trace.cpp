#include "core/lessons/trace.hpp"

#include <limits>

#include "core/formats/nested_array.hpp"
#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

OperationTrace OperationTrace::conv(Tensor input, Tensor weight, std::vector<float> bias,
                                    const Options2d& options, int groups) {
    // The reference op validates shapes and settings with the user-facing messages.
    conv2d(input, weight, bias, options, groups);
    OperationTrace trace;
    trace.op_ = TracedOp::Conv;
    trace.groups_ = groups;
    trace.geometry_ = geometry_of_input(OpKind::Conv, input, weight.dim(2), weight.dim(3), options);
    trace.output_channels_ = weight.dim(0);
    trace.input_ = std::move(input);
    trace.weight_ = std::move(weight);
    trace.bias_ = std::move(bias);
    return trace;
}

OperationTrace OperationTrace::transposed_conv(Tensor input, Tensor weight, std::vector<float> bias,
                                               const Options2d& options) {
    conv_transpose2d(input, weight, bias, options);
    OperationTrace trace;
    trace.op_ = TracedOp::TransposedConv;
    trace.geometry_ =
        geometry_of_input(OpKind::TransposedConv, input, weight.dim(2), weight.dim(3), options);
    trace.output_channels_ = weight.dim(1);
    trace.input_ = std::move(input);
    trace.weight_ = std::move(weight);
    trace.bias_ = std::move(bias);
    return trace;
}

OperationTrace OperationTrace::pool(TracedOp kind, Tensor input, int window_h, int window_w,
                                    const Options2d& options) {
    CS_CHECK(kind == TracedOp::MaxPool || kind == TracedOp::AveragePool);
    if (kind == TracedOp::MaxPool) {
        max_pool2d(input, window_h, window_w, options);
    } else {
        avg_pool2d(input, window_h, window_w, options);
    }
    OperationTrace trace;
    trace.op_ = kind;
    trace.geometry_ = geometry_of_input(OpKind::Pool, input, window_h, window_w, options);
    trace.output_channels_ = input.dim(1);
    trace.input_ = std::move(input);
    return trace;
}

std::vector<int> OperationTrace::output_shape() const {
    return {input_.dim(0), output_channels_, geometry_.h.output, geometry_.w.output};
}

OperationTrace::ChannelRange OperationTrace::group_channels(int f) const {
    CS_CHECK(f >= 0 && f < output_channels_);
    if (is_pooling(op_)) return {f, 1};
    const int per_group = input_.dim(1) / groups_;
    return {(f / (output_channels_ / groups_)) * per_group, per_group};
}

bool is_pooling(TracedOp op) {
    return op == TracedOp::MaxPool || op == TracedOp::AveragePool;
}

KernelLayout kernel_layout(TracedOp op) {
    KernelLayout layout;
    layout.channels_first = op == TracedOp::TransposedConv;
    return layout;
}

std::array<int, 2> KernelLayout::index(int f, int c) const {
    if (channels_first) return {c, f};
    return {f, c};
}

std::vector<int> KernelLayout::shape(int filters, int channels, int kernel_h, int kernel_w) const {
    const std::array<int, 2> first_two = index(filters, channels);
    return {first_two[0], first_two[1], kernel_h, kernel_w};
}

const char* KernelLayout::axis_name(int axis) const {
    CS_CHECK(axis == 0 || axis == 1);
    return (axis == 0) == channels_first ? "c" : "f";
}

int OperationTrace::step_count() const {
    return input_.dim(0) * output_channels_ * geometry_.h.output * geometry_.w.output;
}

int OperationTrace::step_of(int n, int f, int y, int x) const {
    const int oh = geometry_.h.output, ow = geometry_.w.output;
    CS_CHECK(n >= 0 && n < input_.dim(0) && f >= 0 && f < output_channels_ && y >= 0 && y < oh &&
             x >= 0 && x < ow);
    return ((n * output_channels_ + f) * oh + y) * ow + x;
}

TraceStep OperationTrace::step(int t) const {
    CS_CHECK(t >= 0 && t < step_count());
    const int ow = geometry_.w.output, oh = geometry_.h.output;
    TraceStep step;
    step.x = t % ow;
    step.y = (t / ow) % oh;
    step.f = (t / (ow * oh)) % output_channels_;
    step.n = t / (ow * oh * output_channels_);

    const bool pooling = is_pooling(op_);
    const KernelLayout layout = kernel_layout(op_);
    const std::vector<Tap> taps = output_taps(geometry_, step.y, step.x);
    const ChannelRange channels = group_channels(step.f);
    for (int c = channels.first; c < channels.first + channels.count; ++c) {
        float channel_sum = 0.0f;
        for (const Tap& tap : taps) {
            TraceTerm term;
            term.channel = c;
            term.tap = tap;
            term.input_value = tap.padded ? 0.0f : input_.at(step.n, c, tap.in_y, tap.in_x);
            if (!pooling) {
                // A grouped kernel indexes its group's channels from 0.
                const std::array<int, 2> slice = layout.index(step.f, c - channels.first);
                term.kernel_value = weight_.at(slice[0], slice[1], tap.k_y, tap.k_x);
            }
            term.product = term.input_value * term.kernel_value;
            channel_sum += term.product;
            step.terms.push_back(term);
        }
        step.channel_sums.push_back(channel_sum);
    }

    switch (op_) {
        case TracedOp::Conv:
        case TracedOp::TransposedConv: {
            step.bias = bias_.empty() ? 0.0f : bias_[step.f];
            float sum = step.bias;
            for (const TraceTerm& term : step.terms) sum += term.product;
            step.value = sum;
            break;
        }
        case TracedOp::MaxPool:
            for (int i = 0; i < static_cast<int>(step.terms.size()); ++i) {
                const TraceTerm& term = step.terms[i];
                if (term.tap.padded) continue;  // padding never wins, as in PyTorch
                if (step.winner < 0 || term.input_value > step.terms[step.winner].input_value) {
                    step.winner = i;
                }
            }
            // A dilated window can miss the input entirely: -inf, as the reference op.
            step.value = step.winner >= 0 ? step.terms[step.winner].input_value
                                          : -std::numeric_limits<float>::infinity();
            break;
        case TracedOp::AveragePool:
            step.value =
                step.channel_sums[0] / static_cast<float>(geometry_.h.kernel * geometry_.w.kernel);
            break;
    }
    return step;
}

Tensor OperationTrace::replay() const {
    Tensor output(output_shape());
    for (int t = 0; t < step_count(); ++t) output.data()[t] = step(t).value;
    return output;
}

std::string step_equation(TracedOp op, const TraceStep& step) {
    std::string text;
    if (is_pooling(op)) {
        text = op == TracedOp::MaxPool ? "max(" : "mean(";
        bool first = true;
        for (const TraceTerm& term : step.terms) {
            if (!first) text += ", ";
            first = false;
            text +=
                term.tap.padded && op == TracedOp::MaxPool ? "pad" : number_text(term.input_value);
        }
        return text + ") = " + number_text(step.value);
    }
    const bool grouped = step.channel_sums.size() > 1;
    int channel = -1;
    for (const TraceTerm& term : step.terms) {
        if (term.channel != channel) {
            if (channel >= 0)
                text += grouped ? ") + (" : " + ";
            else if (grouped)
                text += "(";
            channel = term.channel;
        } else {
            text += " + ";
        }
        text += number_text(term.input_value) + "x" + number_text(term.kernel_value);
    }
    if (grouped) text += ")";
    if (step.terms.empty()) text += "0";
    if (step.bias != 0.0f) text += " + " + number_text(step.bias);
    return text + " = " + number_text(step.value);
}

}  // namespace convscope
