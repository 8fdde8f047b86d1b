// The fast layers compute what the reference ops compute (the reference ops are the
// oracles), on random shapes with stride, padding modes and dilation; and the
// chapter's example through the convolution layer.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/nn/activation_layers.hpp"
#include "core/nn/affine_layer.hpp"
#include "core/nn/conv_layer.hpp"
#include "core/nn/pool_layer.hpp"
#include "random_layers.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

Tensor random_tensor(std::vector<int> shape, std::mt19937& rng) {
    std::normal_distribution<float> value(0.0f, 1.0f);
    Tensor t(std::move(shape));
    for (std::size_t i = 0; i < t.size(); ++i) t.data()[i] = value(rng);
    return t;
}

double max_difference(const float* a, const float* b, std::size_t count) {
    double worst = 0;
    for (std::size_t i = 0; i < count; ++i) worst = std::max(worst, double(std::abs(a[i] - b[i])));
    return worst;
}

}  // namespace

TEST_CASE("convolution layer forward equals conv2d on random shapes") {
    std::mt19937 rng(11);
    for (int trial = 0; trial < 200; ++trial) {
        const RandomConv c = random_conv(rng);
        const int batch = std::uniform_int_distribution<int>(1, 3)(rng);
        const Tensor input =
            random_tensor({batch, c.input.channels, c.input.height, c.input.width}, rng);
        ConvolutionLayer<float> layer(c.input, c.filters, c.kernel_h, c.kernel_w, c.options);
        const Tensor weight =
            random_tensor({c.filters, c.input.channels, c.kernel_h, c.kernel_w}, rng);
        const Tensor bias = random_tensor({c.filters}, rng);
        std::vector<float> parameters(weight.values());
        parameters.insert(parameters.end(), bias.values().begin(), bias.values().end());
        std::vector<float> gradients(parameters.size());
        REQUIRE(parameters.size() == layer.parameter_count());
        layer.bind(parameters.data(), gradients.data());

        const Tensor expected = conv2d(input, weight, bias.values(), c.options);
        REQUIRE(expected.dim(1) == layer.output_shape().channels);
        REQUIRE(expected.dim(2) == layer.output_shape().height);
        REQUIRE(expected.dim(3) == layer.output_shape().width);
        std::vector<float> output(expected.size(), std::nanf(""));
        layer.forward(input.data(), output.data(), batch);
        INFO("trial " << trial << " input " << c.input.text() << " kernel " << c.kernel_h << "x"
                      << c.kernel_w << " padding " << c.options.h.padding.text() << "/"
                      << c.options.w.padding.text());
        CHECK(max_difference(output.data(), expected.data(), expected.size()) < 1e-4);
    }
}

TEST_CASE("a grouped convolution layer equals conv2d with groups (plain, grouped, depthwise)") {
    std::mt19937 rng(12);
    for (int trial = 0; trial < 60; ++trial) {
        const RandomConv c = random_conv(rng);
        // Channels and filters multiples of G: G = 1, 2 or C (depthwise).
        const int groups = std::uniform_int_distribution<int>(1, 3)(rng);
        const int channels = groups * std::uniform_int_distribution<int>(1, 2)(rng);
        const int filters = groups * std::uniform_int_distribution<int>(1, 2)(rng);
        const Shape shape{channels, c.input.height, c.input.width};
        const Tensor input = random_tensor({2, channels, shape.height, shape.width}, rng);
        ConvolutionLayer<float> layer(shape, filters, c.kernel_h, c.kernel_w, c.options, groups);
        const Tensor weight =
            random_tensor({filters, channels / groups, c.kernel_h, c.kernel_w}, rng);
        const Tensor bias = random_tensor({filters}, rng);
        std::vector<float> parameters(weight.values());
        parameters.insert(parameters.end(), bias.values().begin(), bias.values().end());
        std::vector<float> gradients(parameters.size());
        REQUIRE(parameters.size() == layer.parameter_count());
        CHECK(layer.parameter_tensors()[0].shape == weight.shape());
        layer.bind(parameters.data(), gradients.data());
        const Tensor expected = conv2d(input, weight, bias.values(), c.options, groups);
        std::vector<float> output(expected.size(), std::nanf(""));
        layer.forward(input.data(), output.data(), 2);
        INFO("trial " << trial << " groups " << groups << " channels " << channels);
        CHECK(max_difference(output.data(), expected.data(), expected.size()) < 1e-4);
    }
    CHECK_THROWS_AS(ConvolutionLayer<float>({3, 5, 5}, 2, 3, 3, Options2d{}, 2), InputError);
}

TEST_CASE("the chapter's 5x5 example through the convolution layer") {
    const std::vector<float> input = {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2,
                                      2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1};
    std::vector<float> parameters = {0, 1, 2, 2, 2, 0, 0, 1, 2, /*bias*/ 3};
    std::vector<float> gradients(parameters.size());
    ConvolutionLayer<float> layer({1, 5, 5}, 1, 3, 3, Options2d::uniform(1, Padding::of(0)));
    layer.bind(parameters.data(), gradients.data());
    std::vector<float> output(9);
    layer.forward(input.data(), output.data(), 1);
    CHECK(output == std::vector<float>{15, 15, 20, 13, 20, 22, 12, 9, 17});
}

TEST_CASE("pooling layer forward equals max_pool2d and avg_pool2d on random shapes") {
    std::mt19937 rng(12);
    for (int trial = 0; trial < 200; ++trial) {
        const bool max = trial % 2 == 0;
        const RandomPool p = random_pool(rng, max);
        const int batch = std::uniform_int_distribution<int>(1, 3)(rng);
        const Tensor input =
            random_tensor({batch, p.input.channels, p.input.height, p.input.width}, rng);
        PoolingLayer<float> layer(p.input, max ? PoolKind::Max : PoolKind::Average, p.window_h,
                                  p.window_w, p.options);
        layer.reserve(batch);
        const Tensor expected = max ? max_pool2d(input, p.window_h, p.window_w, p.options)
                                    : avg_pool2d(input, p.window_h, p.window_w, p.options);
        REQUIRE(expected.size() == static_cast<std::size_t>(batch) * layer.output_shape().size());
        std::vector<float> output(expected.size(), std::nanf(""));
        layer.forward(input.data(), output.data(), batch);
        INFO("trial " << trial << (max ? " max" : " average"));
        CHECK(max_difference(output.data(), expected.data(), expected.size()) < 1e-5);
    }
}

TEST_CASE("max pooling sends the gradient to the first maximum only") {
    // Window 2x2 over [[1, 4], [4, 2]]: the first 4 (row 0) wins the tie.
    PoolingLayer<float> layer({1, 2, 2}, PoolKind::Max, 2, 2, pool_options(2, 2));
    layer.reserve(1);
    const float input[] = {1, 4, 4, 2};
    float output[1], d_input[4];
    const float d_output[] = {5};
    layer.forward(input, output, 1);
    layer.backward(d_output, d_input, 1);
    CHECK(output[0] == 4);
    CHECK(std::vector<float>(d_input, d_input + 4) == std::vector<float>{0, 5, 0, 0});
}

TEST_CASE("relu gates and flatten keeps the order") {
    ReluLayer<float> relu({1, 1, 4});
    const float input[] = {-1, 0, 2, -3};
    float output[4], d_input[4];
    const float d_output[] = {1, 1, 1, 1};
    relu.forward(input, output, 1);
    relu.backward(d_output, d_input, 1);
    CHECK(std::vector<float>(output, output + 4) == std::vector<float>{0, 0, 2, 0});
    CHECK(std::vector<float>(d_input, d_input + 4) == std::vector<float>{0, 0, 1, 0});

    FlattenLayer<float> flatten({2, 1, 2});
    CHECK(flatten.output_shape() == Shape{4, 1, 1});
    flatten.forward(input, output, 1);
    CHECK(std::vector<float>(output, output + 4) == std::vector<float>(input, input + 4));
}

TEST_CASE("affine layer computes input times weight transposed plus bias") {
    AffineLayer<float> layer({3, 1, 1}, 2);
    // weight (2, 3) = [[1, 0, 2], [0, 1, -1]], bias = [10, 20]
    std::vector<float> parameters = {1, 0, 2, 0, 1, -1, 10, 20}, gradients(8);
    layer.bind(parameters.data(), gradients.data());
    const float input[] = {1, 2, 3};
    float output[2];
    layer.forward(input, output, 1);
    CHECK(output[0] == 17);
    CHECK(output[1] == 19);
}

TEST_CASE("max pooling 2x2 stride 2 (the presets' fast path) equals max_pool2d with ties") {
    std::mt19937 rng(13);
    std::uniform_int_distribution<int> digit(0, 3);  // small integers: many ties
    for (int trial = 0; trial < 20; ++trial) {
        const Shape shape{2, 2 * std::uniform_int_distribution<int>(1, 6)(rng) + trial % 2,
                          2 * std::uniform_int_distribution<int>(1, 6)(rng)};
        Tensor input({2, shape.channels, shape.height, shape.width});
        for (std::size_t i = 0; i < input.size(); ++i) input.data()[i] = float(digit(rng));
        PoolingLayer<float> layer(shape, PoolKind::Max, 2, 2, pool_options(2, 2));
        layer.reserve(2);
        const Tensor expected = max_pool2d(input, 2, 2, pool_options(2, 2));
        std::vector<float> output(expected.size()), d_output(expected.size(), 1.0f);
        layer.forward(input.data(), output.data(), 2);
        CHECK(output == expected.values());
        // Each output cell sends its gradient to one input cell: the first maximum.
        std::vector<float> d_input(input.size());
        layer.backward(d_output.data(), d_input.data(), 2);
        for (int n = 0; n < 2; ++n)
            for (int c = 0; c < shape.channels; ++c)
                for (int oy = 0; oy < expected.dim(2); ++oy)
                    for (int ox = 0; ox < expected.dim(3); ++ox) {
                        const float best = expected.at(n, c, oy, ox);
                        bool found = false;
                        for (int k = 0; k < 4; ++k) {
                            const int y = 2 * oy + k / 2, x = 2 * ox + k % 2;
                            const float g = d_input[((n * shape.channels + c) * shape.height + y) *
                                                        shape.width +
                                                    x];
                            CHECK(g == (!found && input.at(n, c, y, x) == best ? 1.0f : 0.0f));
                            found = found || input.at(n, c, y, x) == best;
                        }
                    }
    }
}
