#include "core/lessons/playground.hpp"

#include <string>

#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

void require_range(const char* what, int value, int low, int high) {
    if (value < low || value > high) {
        throw InputError(std::string(what) + "=" + std::to_string(value) +
                         " is out of range: " + std::to_string(low) + " to " +
                         std::to_string(high) + " in the playground");
    }
}

Tensor tensor_from(std::vector<int> shape, const std::vector<float>& explicit_values,
                   std::uint32_t seed, int low, int high, const char* what) {
    std::size_t count = 1;
    for (int extent : shape) count *= static_cast<std::size_t>(extent);
    if (explicit_values.empty()) return Tensor(shape, seeded_values(count, seed, low, high));
    if (explicit_values.size() != count) {
        throw InputError(std::string(what) + " has " + std::to_string(explicit_values.size()) +
                         " values but its shape " + shape_text(shape) + " needs " +
                         std::to_string(count));
    }
    return Tensor(shape, explicit_values);
}

}  // namespace

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

Playground build_playground(const PlaygroundSetup& setup) {
    require_range("batch N", setup.batch, 1, kPlaygroundMaxChannels);
    require_range("channels C", setup.channels, 1, kPlaygroundMaxChannels);
    require_range("filters FN", setup.filters, 1, kPlaygroundMaxChannels);
    require_range("input height", setup.input_h, 1, kPlaygroundMaxSize);
    require_range("input width", setup.input_w, 1, kPlaygroundMaxSize);
    require_range("kernel height", setup.kernel_h, 1, kPlaygroundMaxSize);
    require_range("kernel width", setup.kernel_w, 1, kPlaygroundMaxSize);

    Playground p;
    p.setup = setup;
    p.input = tensor_from({setup.batch, setup.channels, setup.input_h, setup.input_w},
                          setup.input_values, setup.seed, 0, 3, "input");
    switch (setup.op) {
        case TracedOp::Conv:
        case TracedOp::TransposedConv: {
            const bool transposed = setup.op == TracedOp::TransposedConv;
            std::vector<int> kernel_shape = {setup.filters, setup.channels, setup.kernel_h,
                                             setup.kernel_w};
            if (transposed) std::swap(kernel_shape[0], kernel_shape[1]);
            p.kernel =
                tensor_from(kernel_shape, setup.kernel_values, setup.seed + 1, -1, 2, "kernel");
            if (setup.has_bias) {
                p.bias =
                    tensor_from({setup.filters}, setup.bias_values, setup.seed + 2, -2, 2, "bias")
                        .values();
            }
            p.trace = transposed ? OperationTrace::transposed_conv(p.input, p.kernel, p.bias,
                                                                   setup.options)
                                 : OperationTrace::conv(p.input, p.kernel, p.bias, setup.options);
            p.output = transposed ? conv_transpose2d(p.input, p.kernel, p.bias, setup.options)
                                  : conv2d(p.input, p.kernel, p.bias, setup.options);
            break;
        }
        case TracedOp::MaxPool:
        case TracedOp::AvgPool:
            p.trace = OperationTrace::pool(setup.op, p.input, setup.kernel_h, setup.kernel_w,
                                           setup.options);
            p.output = setup.op == TracedOp::MaxPool
                           ? max_pool2d(p.input, setup.kernel_h, setup.kernel_w, setup.options)
                           : avg_pool2d(p.input, setup.kernel_h, setup.kernel_w, setup.options);
            break;
    }
    return p;
}

}  // namespace convscope
