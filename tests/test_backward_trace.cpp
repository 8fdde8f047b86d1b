// The backward trace's totals equal core's layers' backward (conv_layer, pool_layer) on
// random shapes with stride, padding modes, dilation, channels, filters and batch; and
// its steps list the products a student would write by hand.
#include <doctest/doctest.h>

#include <random>

#include "core/lessons/backward_trace.hpp"
#include "core/nn/conv_layer.hpp"
#include "core/nn/pool_layer.hpp"
#include "random_layers.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

// Small integers: every sum is exact, and max pooling meets ties.
Tensor integer_tensor(std::vector<int> shape, std::mt19937& rng, int low, int high) {
    std::uniform_int_distribution<int> value(low, high);
    Tensor t(std::move(shape));
    for (std::size_t i = 0; i < t.size(); ++i) t.data()[i] = static_cast<float>(value(rng));
    return t;
}

void check_equal(const std::vector<float>& got, const std::vector<float>& expected) {
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("element " << i);
        CHECK(got[i] == doctest::Approx(expected[i]).epsilon(1e-5));
    }
}

}  // namespace

TEST_CASE("conv backward trace: totals equal the convolution layer's backward") {
    std::mt19937 rng(16);
    for (int trial = 0; trial < 150; ++trial) {
        const RandomConv c = random_conv(rng);
        const int batch = std::uniform_int_distribution<int>(1, 3)(rng);
        const Tensor input =
            integer_tensor({batch, c.input.channels, c.input.height, c.input.width}, rng, -3, 3);
        const Tensor weight =
            integer_tensor({c.filters, c.input.channels, c.kernel_h, c.kernel_w}, rng, -2, 2);
        ConvolutionLayer<float> layer(c.input, c.filters, c.kernel_h, c.kernel_w, c.options);
        layer.reserve(batch);
        std::vector<float> parameters(weight.values());
        parameters.resize(layer.parameter_count(), 1.0f);
        std::vector<float> gradients(parameters.size(), 0.0f);
        layer.bind(parameters.data(), gradients.data());
        const Shape out = layer.output_shape();
        std::vector<float> output(static_cast<std::size_t>(batch) * out.size());
        layer.forward(input.data(), output.data(), batch);
        const Tensor grad_output =
            integer_tensor({batch, out.channels, out.height, out.width}, rng, -2, 2);
        std::vector<float> grad_input(input.size());
        layer.backward(grad_output.data(), grad_input.data(), batch);

        const BackwardTrace trace =
            BackwardTrace::conv(input, weight, true, grad_output, c.options);
        INFO("trial " << trial << " input " << c.input.text() << " kernel " << c.kernel_h << "x"
                      << c.kernel_w << " padding " << c.options.h.padding.text() << "/"
                      << c.options.w.padding.text() << " batch " << batch);
        check_equal(trace.grad_input().values(), grad_input);
        check_equal(trace.grad_weight().values(),
                    std::vector<float>(gradients.begin(), gradients.begin() + weight.size()));
        check_equal(trace.grad_bias(),
                    std::vector<float>(gradients.begin() + weight.size(), gradients.end()));
        CHECK(trace.step_count() == static_cast<int>(weight.size() + c.filters + input.size()));
    }
}

TEST_CASE("pool backward trace: totals equal the pooling layer's backward, ties included") {
    std::mt19937 rng(17);
    for (int trial = 0; trial < 200; ++trial) {
        const bool max = trial % 2 == 0;
        const RandomPool p = random_pool(rng, max);
        const int batch = std::uniform_int_distribution<int>(1, 3)(rng);
        const Tensor input =
            integer_tensor({batch, p.input.channels, p.input.height, p.input.width}, rng, -2, 2);
        PoolingLayer<float> layer(p.input, max ? PoolKind::Max : PoolKind::Average, p.window_h,
                                  p.window_w, p.options);
        layer.reserve(batch);
        const Shape out = layer.output_shape();
        std::vector<float> output(static_cast<std::size_t>(batch) * out.size());
        layer.forward(input.data(), output.data(), batch);
        const Tensor grad_output =
            integer_tensor({batch, out.channels, out.height, out.width}, rng, -3, 3);
        std::vector<float> grad_input(input.size());
        layer.backward(grad_output.data(), grad_input.data(), batch);

        const BackwardTrace trace =
            BackwardTrace::pool(max ? TracedOp::MaxPool : TracedOp::AveragePool, input, p.window_h,
                                p.window_w, grad_output, p.options);
        INFO("trial " << trial << (max ? " max" : " average") << " input " << p.input.text()
                      << " window " << p.window_h << "x" << p.window_w);
        check_equal(trace.grad_input().values(), grad_input);
        CHECK(trace.step_count() == static_cast<int>(input.size()));
        CHECK(trace.grad_weight().size() == 0);
        CHECK(trace.grad_bias().empty());
    }
}

TEST_CASE("conv backward steps: the products a student writes, by hand") {
    // Input [[1,2],[3,4]], one 1x1 weight 2, dY [[1,0],[0,-1]].
    const Tensor input({1, 1, 2, 2}, {1, 2, 3, 4});
    const Tensor weight({1, 1, 1, 1}, {2});
    const Tensor grad_output({1, 1, 2, 2}, {1, 0, 0, -1});
    const BackwardTrace trace = BackwardTrace::conv(input, weight, true, grad_output,
                                                    Options2d::uniform(1, Padding::of(0)));
    REQUIRE(trace.step_count() == 1 + 1 + 4);
    const GradientStep dw = trace.step(0);
    CHECK(dw.kind == GradientKind::Weight);
    CHECK(dw.terms.size() == 4);  // the weight is used by all four windows
    CHECK(gradient_equation(dw) == "1x1 + 2x0 + 3x0 + 4x(-1) = -3");
    const GradientStep db = trace.step(1);
    CHECK(db.kind == GradientKind::Bias);
    CHECK(gradient_equation(db) == "1 + 0 + 0 + (-1) = 0");
    const GradientStep dx = trace.step(trace.step_of(GradientKind::Input, 0, 0, 0, 1, 1));
    CHECK(dx.kind == GradientKind::Input);
    CHECK(gradient_equation(dx) == "-1x2 = -2");
}

TEST_CASE("conv backward steps: padding cells add nothing, strides skip cells") {
    // 3x3 input of ones, 3x3 kernel of ones, padding 1, stride 2: a 2x2 output.
    const Tensor input({1, 1, 3, 3}, std::vector<float>(9, 1.0f));
    const Tensor weight({1, 1, 3, 3}, std::vector<float>(9, 1.0f));
    const Tensor grad_output({1, 1, 2, 2}, {1, 1, 1, 1});
    const BackwardTrace trace = BackwardTrace::conv(input, weight, false, grad_output,
                                                    Options2d::uniform(2, Padding::of(1)));
    CHECK(trace.bias_steps() == 0);
    // Kernel corner (0,0) meets a real cell only in the window at output (1,1).
    const GradientStep corner = trace.step(0);
    REQUIRE(corner.terms.size() == 1);
    CHECK(corner.terms[0].oy == 1);
    CHECK(corner.terms[0].ox == 1);
    // The centre input cell (1,1) is read by all four windows; the corner (0,0) by one.
    CHECK(trace.step(trace.step_of(GradientKind::Input, 0, 0, 0, 1, 1)).terms.size() == 4);
    CHECK(trace.step(trace.step_of(GradientKind::Input, 0, 0, 0, 0, 0)).terms.size() == 1);
}

TEST_CASE("pool backward steps: the winner takes the gradient, the mean spreads it") {
    const Tensor input({1, 1, 2, 2}, {1, 4, 4, 2});  // a tie: the first 4 wins
    const Tensor grad_output({1, 1, 1, 1}, {3});
    const Options2d options = pool_options(2, 2);
    const BackwardTrace max =
        BackwardTrace::pool(TracedOp::MaxPool, input, 2, 2, grad_output, options);
    check_equal(max.grad_input().values(), {0, 3, 0, 0});
    CHECK(gradient_equation(max.step(2)) == "3x0 = 0");
    const BackwardTrace mean =
        BackwardTrace::pool(TracedOp::AveragePool, input, 2, 2, grad_output, options);
    check_equal(mean.grad_input().values(), {0.75f, 0.75f, 0.75f, 0.75f});
}

TEST_CASE("a grad-output of the wrong shape names the expected one") {
    const Tensor input({1, 1, 4, 4});
    const Tensor weight({2, 1, 3, 3});
    CHECK_THROWS_WITH_AS(
        BackwardTrace::conv(input, weight, false, Tensor({1, 1, 2, 2}),
                            Options2d::uniform(1, Padding::of(0))),
        "--grad-output must have the output's shape (1, 2, 2, 2), got (1, 1, 2, 2)", InputError);
}

TEST_CASE("seeded grad-output: small integers of the output's shape, never all zero") {
    const OperationTrace forward = OperationTrace::conv(Tensor({1, 1, 3, 3}), Tensor({1, 1, 3, 3}),
                                                        {}, Options2d::uniform(1, Padding::of(0)));
    for (std::uint32_t seed = 1; seed < 40; ++seed) {
        const Tensor g = seeded_grad_output(forward, seed);
        REQUIRE(g.shape() == std::vector<int>{1, 1, 1, 1});
        CHECK(g.values()[0] != 0.0f);
        CHECK(g.values()[0] >= -2.0f);
        CHECK(g.values()[0] <= 2.0f);
    }
    CHECK(seeded_grad_output(forward, 5).values() == seeded_grad_output(forward, 5).values());
}
