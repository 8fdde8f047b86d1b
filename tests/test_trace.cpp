// Step traces: every step's value equals the reference op's output, steps run in the
// animation's order, and the seed example's first step is the one the chapter shows.
#include <doctest/doctest.h>

#include <array>
#include <random>
#include <string>

#include "core/lessons/trace.hpp"
#include "core/tensor/check.hpp"
#include "tests/test_support.hpp"

using namespace convscope;

namespace {

Tensor random_tensor(std::vector<int> shape, std::mt19937& rng) {
    return testing::random_integer_tensor(std::move(shape), rng, -4, 4);
}

struct RandomCase {
    Tensor input;
    int kernel_h, kernel_w;
    Options2d options;
};

RandomCase random_case(std::mt19937& rng, bool pool) {
    std::uniform_int_distribution<int> batch(1, 2), channels(1, 3), size(3, 7), kernel(1, 3),
        step(1, 2), pad(0, 1);
    RandomCase c{random_tensor({batch(rng), channels(rng), size(rng), size(rng)}, rng),
                 kernel(rng),
                 kernel(rng),
                 {}};
    c.options.h = {step(rng), Padding::of(pool ? std::min(pad(rng), c.kernel_h / 2) : pad(rng)),
                   pool ? 1 : step(rng), 0};
    c.options.w = {step(rng), Padding::of(pool ? std::min(pad(rng), c.kernel_w / 2) : pad(rng)), 1,
                   0};
    return c;
}

}  // namespace

TEST_CASE("seed 2.2: the first step is 3x0 + 3x1 + 2x2 + 0x2 + 0x2 + 1x0 + 3x0 + 1x1 + 2x2 = 12") {
    const Tensor input({1, 1, 5, 5},
                       {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2, 2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1});
    const Tensor kernel({1, 1, 3, 3}, {0, 1, 2, 2, 2, 0, 0, 1, 2});
    const OperationTrace trace =
        OperationTrace::conv(input, kernel, {}, Options2d::uniform(1, Padding::of(0)));
    REQUIRE(trace.step_count() == 9);
    const TraceStep first = trace.step(0);
    REQUIRE(first.terms.size() == 9);
    const float inputs[] = {3, 3, 2, 0, 0, 1, 3, 1, 2};
    const float weights[] = {0, 1, 2, 2, 2, 0, 0, 1, 2};
    for (int i = 0; i < 9; ++i) {
        CHECK(first.terms[i].input_value == inputs[i]);
        CHECK(first.terms[i].kernel_value == weights[i]);
    }
    CHECK(first.value == 12);
    CHECK(step_equation(TracedOp::Conv, first) ==
          "3x0 + 3x1 + 2x2 + 0x2 + 0x2 + 1x0 + 3x0 + 1x1 + 2x2 = 12");
    const TraceStep last = trace.step(8);
    CHECK(last.y == 2);
    CHECK(last.x == 2);
    CHECK(last.value == 14);
}

TEST_CASE("conv traces replay to conv2d on random shapes with channels filters bias and batch") {
    std::mt19937 rng(21);
    for (int trial = 0; trial < 60; ++trial) {
        RandomCase c = random_case(rng, false);
        std::uniform_int_distribution<int> filters(1, 3);
        const Tensor weight =
            random_tensor({filters(rng), c.input.dim(1), c.kernel_h, c.kernel_w}, rng);
        std::vector<float> bias;
        for (int f = 0; f < weight.dim(0); ++f) bias.push_back(static_cast<float>(f) - 1.0f);
        try {
            const OperationTrace trace = OperationTrace::conv(c.input, weight, bias, c.options);
            const Tensor expected = conv2d(c.input, weight, bias, c.options);
            CHECK(trace.replay().shape() == expected.shape());
            CHECK(trace.replay().values() == expected.values());
        } catch (const InputError&) {
            // a kernel larger than the padded input: nothing to trace
        }
    }
}

TEST_CASE("transposed conv traces replay to conv_transpose2d") {
    std::mt19937 rng(22);
    for (int trial = 0; trial < 60; ++trial) {
        RandomCase c = random_case(rng, false);
        const Tensor weight = random_tensor({c.input.dim(1), 2, c.kernel_h, c.kernel_w}, rng);
        try {
            const OperationTrace trace =
                OperationTrace::transposed_conv(c.input, weight, {0.5f, -1.0f}, c.options);
            CHECK(trace.replay().values() ==
                  conv_transpose2d(c.input, weight, {0.5f, -1.0f}, c.options).values());
        } catch (const InputError&) {
        }
    }
}

TEST_CASE("pool traces replay to max_pool2d and avg_pool2d; the winner holds the maximum") {
    std::mt19937 rng(23);
    for (int trial = 0; trial < 60; ++trial) {
        RandomCase c = random_case(rng, true);
        try {
            const OperationTrace max =
                OperationTrace::pool(TracedOp::MaxPool, c.input, c.kernel_h, c.kernel_w, c.options);
            CHECK(max.replay().values() ==
                  max_pool2d(c.input, c.kernel_h, c.kernel_w, c.options).values());
            const TraceStep step = max.step(max.step_count() - 1);
            CHECK(step_equation(TracedOp::MaxPool, step).rfind("max(", 0) == 0);
            REQUIRE(step.winner >= 0);
            CHECK(step.terms[step.winner].input_value == step.value);
            const OperationTrace avg = OperationTrace::pool(TracedOp::AveragePool, c.input,
                                                            c.kernel_h, c.kernel_w, c.options);
            CHECK(avg.replay().values() ==
                  avg_pool2d(c.input, c.kernel_h, c.kernel_w, c.options).values());
        } catch (const InputError&) {
        }
    }
}

TEST_CASE("steps run row-major then filter by filter then batch item by item") {
    std::mt19937 rng(24);
    const Tensor input = random_tensor({2, 1, 4, 4}, rng);
    const Tensor weight = random_tensor({3, 1, 3, 3}, rng);
    const OperationTrace trace =
        OperationTrace::conv(input, weight, {}, Options2d::uniform(1, Padding::of(0)));
    CHECK(trace.step_count() == 2 * 3 * 2 * 2);
    const TraceStep s = trace.step(1 * 12 + 2 * 4 + 1 * 2 + 0);
    CHECK(s.n == 1);
    CHECK(s.f == 2);
    CHECK(s.y == 1);
    CHECK(s.x == 0);
}

TEST_CASE("step_of finds the step writing each output cell; pooling reads its own channel") {
    std::mt19937 rng(26);
    const Tensor input = random_tensor({2, 3, 5, 4}, rng);
    const Options2d options = Options2d::uniform(1, Padding::of(1));
    const OperationTrace traces[] = {
        OperationTrace::conv(input, random_tensor({2, 3, 3, 2}, rng), {}, options),
        OperationTrace::transposed_conv(input, random_tensor({3, 2, 3, 2}, rng), {}, options),
        OperationTrace::pool(TracedOp::MaxPool, input, 3, 2, options),
        OperationTrace::pool(TracedOp::AveragePool, input, 3, 2, options)};
    for (const OperationTrace& trace : traces) {
        INFO("op " << static_cast<int>(trace.op()));
        CHECK(is_pooling(trace.op()) ==
              (trace.op() == TracedOp::MaxPool || trace.op() == TracedOp::AveragePool));
        const Tensor replayed = trace.replay();
        for (int t = 0; t < trace.step_count(); ++t) {
            const TraceStep s = trace.step(t);
            CHECK(trace.step_of(s.n, s.f, s.y, s.x) == t);
            CHECK(replayed.at(s.n, s.f, s.y, s.x) == s.value);
            for (const TraceTerm& term : s.terms) {
                if (is_pooling(trace.op())) CHECK(term.channel == s.f);
            }
            // A convolution sums over every input channel.
            if (!is_pooling(trace.op())) CHECK(s.channel_sums.size() == 3);
        }
    }
}

TEST_CASE("multi-channel steps sum the per-channel partial sums plus bias") {
    std::mt19937 rng(25);
    const Tensor input = random_tensor({1, 3, 5, 5}, rng);
    const Tensor weight = random_tensor({2, 3, 3, 3}, rng);
    const OperationTrace trace =
        OperationTrace::conv(input, weight, {2, -3}, Options2d::uniform(1, Padding::parse("same")));
    for (int t = 0; t < trace.step_count(); t += 7) {
        const TraceStep s = trace.step(t);
        REQUIRE(s.channel_sums.size() == 3);
        CHECK(s.channel_sums[0] + s.channel_sums[1] + s.channel_sums[2] + s.bias == s.value);
        CHECK(s.terms.size() == 27);
    }
    const std::string equation = step_equation(TracedOp::Conv, trace.step(0));
    CHECK(equation.rfind("(", 0) == 0);
    CHECK(equation.find(") + (") != std::string::npos);
    CHECK(equation.find(") + 2 = ") != std::string::npos);
}

TEST_CASE("invalid settings are rejected before tracing") {
    CHECK_THROWS_AS(OperationTrace::conv(Tensor({1, 1, 3, 3}), Tensor({1, 1, 5, 5}), {},
                                         Options2d::uniform(1, Padding::of(0))),
                    InputError);
    CHECK_THROWS_AS(OperationTrace::conv(Tensor({1, 2, 3, 3}), Tensor({1, 1, 3, 3}), {},
                                         Options2d::uniform(1, Padding::of(0))),
                    InputError);
}

TEST_CASE("kernel_layout: slice index(f, c) joins input channel c to output map f") {
    // Checked against the reference ops, which define the layouts: one non-zero kernel
    // slice and an input with one non-zero channel light exactly one output map.
    const int filters = 3, channels = 2;
    const Options2d options = Options2d::uniform(1, Padding::of(0));
    for (const TracedOp op : {TracedOp::Conv, TracedOp::TransposedConv}) {
        const KernelLayout layout = kernel_layout(op);
        CHECK(layout.channels_first == (op == TracedOp::TransposedConv));
        for (int f = 0; f < filters; ++f)
            for (int c = 0; c < channels; ++c) {
                INFO("op " << static_cast<int>(op) << ", f " << f << ", c " << c);
                Tensor input({1, channels, 3, 3});
                for (int y = 0; y < 3; ++y)
                    for (int x = 0; x < 3; ++x) input.at(0, c, y, x) = 1.0f;
                Tensor kernel(layout.shape(filters, channels, 2, 2));
                const std::array<int, 2> slice = layout.index(f, c);
                kernel.at(slice[0], slice[1], 0, 0) = 1.0f;
                const Tensor output = op == TracedOp::Conv
                                          ? conv2d(input, kernel, {}, options)
                                          : conv_transpose2d(input, kernel, {}, options);
                REQUIRE(output.dim(1) == filters);
                for (int map = 0; map < filters; ++map) {
                    float total = 0.0f;
                    for (int y = 0; y < output.dim(2); ++y)
                        for (int x = 0; x < output.dim(3); ++x) total += output.at(0, map, y, x);
                    CHECK((total != 0.0f) == (map == f));
                }
                // The trace reads the same weight for that filter and channel.
                const OperationTrace trace =
                    op == TracedOp::Conv
                        ? OperationTrace::conv(input, kernel, {}, options)
                        : OperationTrace::transposed_conv(input, kernel, {}, options);
                const TraceStep step = trace.step(trace.step_of(0, f, 0, 0));
                for (const TraceTerm& term : step.terms) {
                    const bool the_one =
                        term.channel == c && term.tap.k_y == 0 && term.tap.k_x == 0;
                    CHECK(term.kernel_value == (the_one ? 1.0f : 0.0f));
                }
            }
        // The axis names follow the index order.
        const std::array<int, 2> slice = layout.index(1, 0);
        CHECK(std::string(layout.axis_name(slice[0] == 1 ? 0 : 1)) == "f");
        CHECK(std::string(layout.axis_name(slice[0] == 0 ? 0 : 1)) == "c");
    }
    // Pooling has no kernel; the playground keeps its values in the conv order.
    CHECK_FALSE(kernel_layout(TracedOp::MaxPool).channels_first);
    CHECK_FALSE(kernel_layout(TracedOp::AveragePool).channels_first);
}
