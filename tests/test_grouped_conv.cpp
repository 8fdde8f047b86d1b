// Grouped and 1-D convolution in core: a grouped conv is G plain convs side by side, the
// trace reads each filter's group only, the playground validates groups and builds 1-D
// setups on one row. (PyTorch's numbers: test_grouped_parity.cpp.)
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/lessons/playground.hpp"
#include "core/lessons/trace.hpp"
#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

// Channels [first, first + count) of a rank-4 tensor's axis 1, or of its axis 0.
Tensor slice_axis(const Tensor& t, int axis, int first, int count) {
    std::vector<int> shape = t.shape();
    shape[axis] = count;
    Tensor out(shape);
    for (int a = 0; a < shape[0]; ++a)
        for (int b = 0; b < shape[1]; ++b)
            for (int y = 0; y < shape[2]; ++y)
                for (int x = 0; x < shape[3]; ++x)
                    out.at(a, b, y, x) =
                        axis == 0 ? t.at(first + a, b, y, x) : t.at(a, first + b, y, x);
    return out;
}

std::string error_of(const std::function<void()>& run) {
    try {
        run();
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a grouped conv is G plain convs, each over its C/G channels and FN/G filters") {
    const int batch = 2, channels = 4, filters = 6, groups = 2;
    const Tensor input({batch, channels, 5, 4}, seeded_values(batch * channels * 20, 3, -2, 3));
    const Tensor weight({filters, channels / groups, 3, 2},
                        seeded_values(filters * 2 * 6, 4, -2, 2));
    const std::vector<float> bias = {1, -1, 2, 0, 3, -2};
    const Options2d options = Options2d::uniform(1, Padding::of(1), 1);
    const Tensor grouped = conv2d(input, weight, bias, options, groups);
    for (int g = 0; g < groups; ++g) {
        const Tensor part = conv2d(slice_axis(input, 1, g * 2, 2), slice_axis(weight, 0, g * 3, 3),
                                   {bias.begin() + g * 3, bias.begin() + g * 3 + 3}, options);
        CHECK(slice_axis(grouped, 1, g * 3, 3).values() == part.values());
    }
    // groups 1 is today's convolution: a full kernel reads every channel.
    const Tensor full_weight({2, channels, 3, 2}, seeded_values(2 * channels * 6, 5, -2, 2));
    CHECK(conv2d(input, full_weight, {}, options, 1).values() ==
          conv2d(input, full_weight, {}, options).values());
}

TEST_CASE("depthwise: G = C, each filter reads its own channel; the trace agrees") {
    const Tensor input({1, 3, 4, 4}, seeded_values(48, 7, 0, 3));
    const Tensor weight({3, 1, 3, 3}, seeded_values(27, 8, -1, 2));
    const OperationTrace trace =
        OperationTrace::conv(input, weight, {}, Options2d::uniform(1, Padding::of(0)), 3);
    CHECK(trace.replay().values() ==
          conv2d(input, weight, {}, Options2d::uniform(1, Padding::of(0)), 3).values());
    for (int t = 0; t < trace.step_count(); ++t) {
        const TraceStep step = trace.step(t);
        REQUIRE(step.channel_sums.size() == 1);
        for (const TraceTerm& term : step.terms) CHECK(term.channel == step.f);
    }
    CHECK(trace.group_channels(2).first == 2);
    CHECK(trace.group_channels(2).count == 1);
}

TEST_CASE("groups that do not divide C and FN are refused with the values that would do") {
    const Tensor input({1, 4, 3, 3});
    const std::string message = error_of([&] {
        conv2d(input, Tensor({2, 1, 1, 1}), {}, Options2d::uniform(1, Padding::of(0)), 3);
    });
    CHECK(message == "groups G=3 must divide channels C=4 and filters FN=2: choose G among 1, 2");
    CHECK(error_of([&] {
              conv2d(input, Tensor({2, 4, 1, 1}), {}, Options2d::uniform(1, Padding::of(0)), 2);
          }).find("needs C/G = 2") != std::string::npos);
    CHECK(!error_of([&] {
               conv2d(input, Tensor({2, 4, 1, 1}), {}, Options2d::uniform(1, Padding::of(0)), 0);
           }).empty());
}

TEST_CASE("conv1d: a moving sum with padding, stride and dilation, by hand") {
    const Tensor signal({1, 1, 5}, {1, 2, 3, 4, 5});
    const Tensor sum3({1, 1, 3}, {1, 1, 1});
    AxisOptions options;
    CHECK(conv1d(signal, sum3, {}, options).values() == std::vector<float>{6, 9, 12});
    options.padding = Padding::of(1);
    CHECK(conv1d(signal, sum3, {}, options).values() == std::vector<float>{3, 6, 9, 12, 9});
    options.stride = 2;
    CHECK(conv1d(signal, sum3, {}, options).values() == std::vector<float>{3, 9, 9});
    options = AxisOptions{};
    options.dilation = 2;  // reads x, x+2, x+4
    CHECK(conv1d(signal, sum3, {}, options).values() == std::vector<float>{9});
    CHECK(conv1d(signal, sum3, {}, options).shape() == std::vector<int>{1, 1, 1});
    CHECK(error_of([&] { conv1d(Tensor({5}), sum3, {}, options); }).find("(N,C,L)") !=
          std::string::npos);
}

TEST_CASE("the playground: groups shape the kernel, count the weights, and are validated") {
    PlaygroundSetup s;
    s.channels = 4;
    s.filters = 2;
    s.groups = 2;
    const Playground p = build_playground(s);
    CHECK(p.kernel.shape() == std::vector<int>{2, 2, 3, 3});
    CHECK(p.trace.groups() == 2);
    CHECK(value_counts(s).kernel == 36);
    CHECK(parameter_count(s).grouped == 36);
    CHECK(parameter_count(s).full == 72);
    CHECK(p.output.values() == conv2d(p.input, p.kernel, {}, s.options, 2).values());

    s.groups = 3;
    CHECK(error_of([&] { build_playground(s); }).find("groups G=3") != std::string::npos);
    s.groups = 5;
    CHECK(error_of([&] { build_playground(s); }).find("groups G=5 is out of range") !=
          std::string::npos);
    s.groups = 2;
    s.op = TracedOp::MaxPool;
    CHECK(error_of([&] { build_playground(s); }).find("set G to 1") != std::string::npos);
}

TEST_CASE("the playground's 1-D mode: one row, a plain H axis, up to 32 long") {
    PlaygroundSetup s;
    s.one_d = true;
    s.input_h = 5;  // ignored: 1-D has one row
    s.input_w = 20;
    s.kernel_w = 5;
    s.options = Options2d::uniform(2, Padding::of(2), 1);
    const Playground p = build_playground(s);
    CHECK(p.setup.input_h == 1);
    CHECK(p.setup.options.h.padding.amount == 0);
    CHECK(p.input.shape() == std::vector<int>{1, 1, 1, 20});
    CHECK(p.output.shape() == std::vector<int>{1, 1, 1, 10});  // (20 + 4 - 5) / 2 + 1
    s.input_w = 33;
    CHECK(error_of([&] { build_playground(s); }).find("length L=33") != std::string::npos);
}
