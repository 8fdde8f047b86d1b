#include "core/lessons/playground.hpp"

#include <algorithm>
#include <string>

#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// `setting` names the value as a translatable word ("batch N", "stride").
void require_range(const Message& setting, int value, int low, int high) {
    if (value < low || value > high) {
        throw InputError(
            Message("{setting}={value} is out of range: {low} to {high} in the playground",
                    {{"setting", setting}, {"value", value}, {"low", low}, {"high", high}}));
    }
}

// Stride, dilation, padding and output padding get their lower bounds and reasons from
// the geometry; the upper bound keeps a file's or a --set's value from asking for an
// output of millions of cells.
void require_at_most(const Message& setting, int value, int high) {
    if (value > high) {
        throw InputError(
            Message("{setting}={value} is out of range: at most {high} in the playground",
                    {{"setting", setting}, {"value", value}, {"high", high}}));
    }
}

void require_options_in_range(const Options2d& options) {
    for (const AxisOptions* axis : {&options.h, &options.w}) {
        require_at_most(Message("stride"), axis->stride, kPlaygroundMaxSize);
        require_at_most(Message("dilation"), axis->dilation, kPlaygroundMaxSize);
        require_at_most(Message("output padding"), axis->output_padding, kPlaygroundMaxSize);
        if (axis->padding.mode == Padding::Mode::Explicit) {
            require_at_most(Message("padding"), axis->padding.amount, kPlaygroundMaxSize);
        }
    }
}

// A 1-D setup as the 2-D code runs it: one row, a plain H axis.
PlaygroundSetup as_built(PlaygroundSetup setup) {
    if (!setup.one_d) return setup;
    setup.input_h = setup.kernel_h = 1;
    setup.options.h = AxisOptions{};
    return setup;
}

// The shapes the tensors of a setup take; value_counts and build_playground share them.
std::vector<int> input_shape(const PlaygroundSetup& s) {
    return {s.batch, s.channels, s.input_h, s.input_w};
}
// Groups apply to a conv alone; a G that does not divide C is refused by the build,
// and counts the floor meanwhile.
int kernel_channels(const PlaygroundSetup& s) {
    const bool grouped = s.op == TracedOp::Conv && s.groups > 1;
    return grouped ? s.channels / s.groups : s.channels;
}
std::vector<int> kernel_shape(const PlaygroundSetup& s) {
    return kernel_layout(s.op).shape(s.filters, kernel_channels(s), s.kernel_h, s.kernel_w);
}
std::vector<int> bias_shape(const PlaygroundSetup& s) {
    return {s.filters};
}

std::size_t element_count(const std::vector<int>& shape) {
    std::size_t count = 1;
    for (int extent : shape) count *= static_cast<std::size_t>(std::max(extent, 0));
    return count;
}

enum class SetupTensor { Input, Kernel, Bias };

// One whole sentence per tensor, so a translation names each its own way.
Message count_mismatch(SetupTensor tensor, std::size_t count, const std::vector<int>& shape,
                       std::size_t needed) {
    Message::Values values = {{"count", count}, {"shape", shape_text(shape)}, {"needed", needed}};
    switch (tensor) {
        case SetupTensor::Input:
            return Message("input has {count} values but its shape {shape} needs {needed}",
                           std::move(values));
        case SetupTensor::Kernel:
            return Message("kernel has {count} values but its shape {shape} needs {needed}",
                           std::move(values));
        case SetupTensor::Bias:
            break;
    }
    return Message("bias has {count} values but its shape {shape} needs {needed}",
                   std::move(values));
}

Tensor tensor_from(std::vector<int> shape, const std::vector<float>& explicit_values,
                   std::uint32_t seed, int low, int high, SetupTensor tensor) {
    const std::size_t count = element_count(shape);
    if (explicit_values.empty()) return Tensor(shape, seeded_values(count, seed, low, high));
    if (explicit_values.size() != count) {
        throw InputError(count_mismatch(tensor, explicit_values.size(), shape, count));
    }
    return Tensor(shape, explicit_values);
}

}  // namespace

PlaygroundValueCounts value_counts(const PlaygroundSetup& requested) {
    const PlaygroundSetup setup = as_built(requested);
    return {element_count(input_shape(setup)), element_count(kernel_shape(setup)),
            element_count(bias_shape(setup))};
}

PlaygroundSetup without_values_that_no_longer_fit(PlaygroundSetup setup) {
    const PlaygroundValueCounts counts = value_counts(setup);
    if (setup.input_values.size() != counts.input) setup.input_values.clear();
    if (setup.kernel_values.size() != counts.kernel) setup.kernel_values.clear();
    if (setup.bias_values.size() != counts.bias) setup.bias_values.clear();
    return setup;
}

std::vector<float> seeded_values(std::size_t count, std::uint32_t seed, int low, int high) {
    CS_CHECK(low <= high);
    std::vector<float> values(count);
    std::uint32_t state = seed * 2654435761u + 1u;
    for (float& value : values) {
        state ^= state << 13;  // xorshift32
        state ^= state >> 17;
        state ^= state << 5;
        value = static_cast<float>(
            low + static_cast<int>(state % static_cast<std::uint32_t>(high - low + 1)));
    }
    return values;
}

ParameterCount parameter_count(const PlaygroundSetup& s) {
    const int window = s.kernel_h * s.kernel_w;
    return {s.filters * kernel_channels(s) * window, s.filters * s.channels * window};
}

namespace {

void require_groups_in_range(const PlaygroundSetup& setup) {
    if (setup.groups == 1) return;
    require_range(Message("groups G"), setup.groups, 1, kPlaygroundMaxChannels);
    if (setup.op != TracedOp::Conv) {
        throw InputError(Message("groups G={groups} applies to a convolution only: set G to 1",
                                 {{"groups", setup.groups}}));
    }
    require_groups(setup.groups, setup.channels, setup.filters);
}

}  // namespace

Playground build_playground(const PlaygroundSetup& requested) {
    const PlaygroundSetup setup = as_built(requested);
    require_range(Message("batch N"), setup.batch, 1, kPlaygroundMaxChannels);
    require_range(Message("channels C"), setup.channels, 1, kPlaygroundMaxChannels);
    require_range(Message("filters FN"), setup.filters, 1, kPlaygroundMaxChannels);
    require_range(Message("input height"), setup.input_h, 1, kPlaygroundMaxSize);
    if (setup.one_d) {
        require_range(Message("length L"), setup.input_w, 1, kPlaygroundMaxLength);
    } else {
        require_range(Message("input width"), setup.input_w, 1, kPlaygroundMaxSize);
    }
    require_range(Message("kernel height"), setup.kernel_h, 1, kPlaygroundMaxSize);
    require_range(Message("kernel width"), setup.kernel_w, 1, kPlaygroundMaxSize);
    require_options_in_range(setup.options);
    require_groups_in_range(setup);

    Playground p;
    p.setup = setup;
    p.input =
        tensor_from(input_shape(setup), setup.input_values, setup.seed, 0, 3, SetupTensor::Input);
    switch (setup.op) {
        case TracedOp::Conv:
        case TracedOp::TransposedConv: {
            const bool transposed = setup.op == TracedOp::TransposedConv;
            p.kernel = tensor_from(kernel_shape(setup), setup.kernel_values, setup.seed + 1, -1, 2,
                                   SetupTensor::Kernel);
            if (setup.has_bias) {
                p.bias = tensor_from(bias_shape(setup), setup.bias_values, setup.seed + 2, -2, 2,
                                     SetupTensor::Bias)
                             .values();
            }
            p.trace =
                transposed
                    ? OperationTrace::transposed_conv(p.input, p.kernel, p.bias, setup.options)
                    : OperationTrace::conv(p.input, p.kernel, p.bias, setup.options, setup.groups);
            p.output = transposed ? conv_transpose2d(p.input, p.kernel, p.bias, setup.options)
                                  : conv2d(p.input, p.kernel, p.bias, setup.options, setup.groups);
            break;
        }
        case TracedOp::MaxPool:
        case TracedOp::AveragePool:
            p.trace = OperationTrace::pool(setup.op, p.input, setup.kernel_h, setup.kernel_w,
                                           setup.options);
            p.output = setup.op == TracedOp::MaxPool
                           ? max_pool2d(p.input, setup.kernel_h, setup.kernel_w, setup.options)
                           : avg_pool2d(p.input, setup.kernel_h, setup.kernel_w, setup.options);
            break;
    }
    return p;
}

PlaygroundSetup with_explicit_values(const Playground& playground) {
    PlaygroundSetup setup = playground.setup;
    setup.input_values = playground.input.values();
    // Pooling has no kernel and a conv without bias none: their lists stay as they were,
    // for a switch back.
    if (playground.kernel.size() > 0) setup.kernel_values = playground.kernel.values();
    if (!playground.bias.empty()) setup.bias_values = playground.bias;
    return setup;
}

PaddingRing input_padding_ring(const Playground& playground) {
    const ConvGeometry& g = playground.trace.geometry();
    const bool ringless = g.kind == OpKind::TransposedConv;
    auto axis = [ringless](const AxisGeometry& a) {
        return ringless ? PaddedAxis{0, a.input, 0}
                        : PaddedAxis{a.pad_before, a.input, a.pad_after};
    };
    return {axis(g.h), axis(g.w)};
}

}  // namespace convscope
