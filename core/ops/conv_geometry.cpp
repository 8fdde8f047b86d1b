#include "core/ops/conv_geometry.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

std::string str(int value) {
    return std::to_string(value);
}

// `setting` names the value as a translatable word with its symbol ("stride s").
void require_at_least(const Message& setting, int value, int bound) {
    if (value < bound) {
        throw InputError(Message("{setting}={value} must be at least {bound}",
                                 {{"setting", setting}, {"value", value}, {"bound", bound}}));
    }
}

int floor_div(int numerator, int denominator) {
    CS_CHECK(denominator > 0);
    int quotient = numerator / denominator;
    if (numerator % denominator != 0 && numerator < 0) --quotient;
    return quotient;
}

// Padding of the forward convolution on each side, from the mode.
void resolve_padding(OpKind kind, const Padding& padding, AxisGeometry& axis) {
    const int k_eff = axis.effective_kernel();
    switch (padding.mode) {
        case Padding::Mode::Explicit:
            require_at_least(Message("padding p"), padding.amount, 0);
            axis.pad_before = axis.pad_after = padding.amount;
            return;
        case Padding::Mode::Valid:
            axis.pad_before = axis.pad_after = 0;
            return;
        case Padding::Mode::Same:
            // PyTorch's padding='same': the smaller half before, the larger after.
            axis.pad_before = (k_eff - 1) / 2;
            axis.pad_after = (k_eff - 1) - axis.pad_before;
            if (kind == OpKind::TransposedConv && axis.pad_before != axis.pad_after) {
                throw InputError(
                    Message("same padding for a transposed conv needs an odd effective kernel "
                            "(k_eff={k_eff}): ConvTranspose2d pads both sides equally",
                            {{"k_eff", k_eff}}));
            }
            return;
        case Padding::Mode::Full:
            axis.pad_before = axis.pad_after = k_eff - 1;
            return;
    }
}

}  // namespace

Padding Padding::parse(const std::string& text) {
    if (text == "valid") return {Mode::Valid, 0};
    if (text == "same") return {Mode::Same, 0};
    if (text == "full") return {Mode::Full, 0};
    char* end = nullptr;
    long amount = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || amount < 0 || amount > 1000000) {
        throw InputError(
            Message("padding '{text}' is not a number from 0 up, nor one of valid, same, full",
                    {{"text", text}}));
    }
    return of(static_cast<int>(amount));
}

std::string Padding::text() const {
    switch (mode) {
        case Mode::Valid:
            return "valid";
        case Mode::Same:
            return "same";
        case Mode::Full:
            return "full";
        case Mode::Explicit:
            break;
    }
    return str(amount);
}

AxisGeometry resolve_axis(OpKind kind, const AxisParams& params) {
    require_at_least(Message("input size i"), params.input, 1);
    require_at_least(Message("kernel size k"), params.kernel, 1);
    require_at_least(Message("stride s"), params.stride, 1);
    require_at_least(Message("dilation d"), params.dilation, 1);
    require_at_least(Message("output padding a"), params.output_padding, 0);
    // Bounds that keep every product below int overflow; far beyond any real layer.
    const int kLimit = 1 << 20;
    if (params.input > kLimit || params.kernel > kLimit || params.stride > kLimit ||
        params.dilation > kLimit || params.output_padding > kLimit) {
        throw InputError(Message("sizes above {limit} are not supported", {{"limit", kLimit}}));
    }

    AxisGeometry axis;
    axis.input = params.input;
    axis.kernel = params.kernel;
    axis.stride = params.stride;
    axis.dilation = params.dilation;
    axis.output_padding = params.output_padding;
    const int k_eff = axis.effective_kernel();
    if (k_eff > kLimit) {
        throw InputError(
            Message("effective kernel (k-1)d+1={k_eff} is too large", {{"k_eff", k_eff}}));
    }
    resolve_padding(kind, params.padding, axis);

    if (kind != OpKind::TransposedConv && params.output_padding != 0) {
        throw InputError(Message("output padding a={a} applies only to transposed convolutions",
                                 {{"a", params.output_padding}}));
    }

    if (kind == OpKind::TransposedConv) {
        const int limit = std::max(axis.stride, axis.dilation);
        if (axis.output_padding >= limit) {
            throw InputError(
                Message("output padding a={a} must be smaller than the stride or the dilation "
                        "(max(s,d)={limit})",
                        {{"a", axis.output_padding}, {"limit", limit}}));
        }
        axis.output =
            axis.stride * (axis.input - 1) + axis.output_padding + k_eff - 2 * axis.pad_before;
        if (axis.output < 1) {
            throw InputError(Message(
                "padding p={p} is too large for a transposed conv: o = s(i-1)+a+k-2p = {o} < 1",
                {{"p", axis.pad_before}, {"o", axis.output}}));
        }
        return axis;
    }

    if (kind == OpKind::Pool) {
        const int half = axis.kernel / 2;
        if (axis.pad_before > half || axis.pad_after > half) {
            throw InputError(
                Message("pool padding p={p} must be at most half the window (k/2={half})",
                        {{"p", std::max(axis.pad_before, axis.pad_after)}, {"half", half}}));
        }
    }
    if (axis.padded_input() < k_eff) {
        Message::Values values = {{"k", axis.kernel},
                                  {"k_eff", k_eff},
                                  {"i", axis.input},
                                  {"p", axis.pad_before + axis.pad_after},
                                  {"padded", axis.padded_input()}};
        if (axis.dilation > 1) {
            throw InputError(
                Message("kernel k={k} (effective {k_eff} with dilation) is larger "
                        "than the padded input i+p={i}+{p}={padded}; pad more or "
                        "use a smaller kernel",
                        std::move(values)));
        }
        throw InputError(
            Message("kernel k={k} is larger than the padded input "
                    "i+p={i}+{p}={padded}; pad more or use a smaller kernel",
                    std::move(values)));
    }
    axis.output = floor_div(axis.padded_input() - k_eff, axis.stride) + 1;
    return axis;
}

std::string formula_text(OpKind kind, const AxisGeometry& axis) {
    const int k_eff = axis.effective_kernel();
    std::string k_text = str(k_eff);
    // With dilation the formulas use k_eff, defined first; otherwise plain k.
    const std::string k_name = axis.dilation > 1 ? "k_eff" : "k";
    std::string prefix;
    if (axis.dilation > 1) {
        prefix = "k_eff = (k-1)d+1 = (" + str(axis.kernel) + "-1)*" + str(axis.dilation) +
                 "+1 = " + k_text + "; ";
    }
    if (kind == OpKind::TransposedConv) {
        return prefix + "o = s(i-1) + a + " + k_name + " - 2p = " + str(axis.stride) + "*(" +
               str(axis.input) + "-1) + " + str(axis.output_padding) + " + " + k_text + " - 2*" +
               str(axis.pad_before) + " = " + str(axis.output);
    }
    const bool symmetric = axis.pad_before == axis.pad_after;
    const std::string symbolic = (symmetric ? "i + 2p - " : "i + p_before + p_after - ") + k_name;
    std::string filled = symmetric
                             ? str(axis.input) + " + 2*" + str(axis.pad_before) + " - " + k_text
                             : str(axis.input) + " + " + str(axis.pad_before) + " + " +
                                   str(axis.pad_after) + " - " + k_text;
    if (axis.stride == 1) {
        return prefix + "o = (" + symbolic + ") + 1 = (" + filled + ") + 1 = " + str(axis.output);
    }
    return prefix + "o = floor((" + symbolic + ")/s) + 1 = floor((" + filled + ")/" +
           str(axis.stride) + ") + 1 = " + str(axis.output);
}

ConvGeometry resolve_geometry(OpKind kind, const AxisParams& h, const AxisParams& w) {
    ConvGeometry geometry;
    geometry.kind = kind;
    if (h == w) {  // one message, without naming an axis
        geometry.h = geometry.w = resolve_axis(kind, h);
        return geometry;
    }
    try {
        geometry.h = resolve_axis(kind, h);
    } catch (const InputError& error) {
        throw InputError(Message("height: {reason}", {{"reason", error.message()}}));
    }
    try {
        geometry.w = resolve_axis(kind, w);
    } catch (const InputError& error) {
        throw InputError(Message("width: {reason}", {{"reason", error.message()}}));
    }
    return geometry;
}

Options2d Options2d::uniform(int stride, Padding padding, int dilation, int output_padding) {
    AxisOptions axis{stride, padding, dilation, output_padding};
    return {axis, axis};
}

Options2d pool_options(int window_h, int window_w, Padding padding) {
    Options2d options;
    options.h = {window_h, padding, 1, 0};
    options.w = {window_w, padding, 1, 0};
    return options;
}

AxisParams axis_params(int input, int kernel, const AxisOptions& options) {
    AxisParams params;
    params.input = input;
    params.kernel = kernel;
    params.stride = options.stride;
    params.padding = options.padding;
    params.dilation = options.dilation;
    params.output_padding = options.output_padding;
    return params;
}

ConvGeometry resolve_geometry(OpKind kind, int input_h, int input_w, int kernel_h, int kernel_w,
                              const Options2d& options) {
    return resolve_geometry(kind, axis_params(input_h, kernel_h, options.h),
                            axis_params(input_w, kernel_w, options.w));
}

ConvGeometry geometry_of_input(OpKind kind, const Tensor& input, int kernel_h, int kernel_w,
                               const Options2d& options) {
    CS_CHECK(input.rank() == 4);
    return resolve_geometry(kind, input.dim(2), input.dim(3), kernel_h, kernel_w, options);
}

const char* op_kind_name(OpKind kind) {
    switch (kind) {
        case OpKind::Conv:
            return "conv";
        case OpKind::TransposedConv:
            return "transposed conv";
        case OpKind::Pool:
            return "pool";
    }
    return "?";
}

}  // namespace convscope
