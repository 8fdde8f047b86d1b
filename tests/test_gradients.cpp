// Finite-difference checks in double precision (ggml's test-grad0): for every layer,
// and a whole network, the analytic gradients of backward() equal central
// differences (f(x+h) - f(x-h)) / 2h within |a - n| <= abs_tol + rel_tol * max(|a|, |n|).
// A layer is checked through the scalar L = sum(output * R) for a fixed random R, so
// d L / d output = R is what backward receives.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <random>

#include "core/nn/activation_layers.hpp"
#include "core/nn/affine_layer.hpp"
#include "core/nn/conv_layer.hpp"
#include "core/nn/network.hpp"
#include "core/nn/pool_layer.hpp"
#include "core/nn/softmax_loss.hpp"
#include "random_layers.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

constexpr double kStep = 1e-6;
constexpr double kAbsTolerance = 1e-6;
constexpr double kRelTolerance = 1e-5;

std::vector<double> random_values(std::size_t count, std::mt19937& rng) {
    std::normal_distribution<double> value(0.0, 1.0);
    std::vector<double> values(count);
    for (double& x : values) x = value(rng);
    return values;
}

// Compares analytic[i] with the central difference of f in values[i] (restored after).
void check_against_differences(const char* what, std::vector<double>& values,
                               const std::vector<double>& analytic,
                               const std::function<double()>& f) {
    REQUIRE(values.size() == analytic.size());
    int failures = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double kept = values[i];
        values[i] = kept + kStep;
        const double up = f();
        values[i] = kept - kStep;
        const double down = f();
        values[i] = kept;
        const double numeric = (up - down) / (2 * kStep);
        const double bound =
            kAbsTolerance + kRelTolerance * std::max(std::abs(numeric), std::abs(analytic[i]));
        if (std::abs(numeric - analytic[i]) > bound && ++failures <= 3) {
            FAIL_CHECK(what << "[" << i << "]: analytic " << analytic[i] << ", numeric "
                            << numeric);
        }
    }
    CHECK(failures == 0);
}

// Checks d input and d parameters of `layer` on a random batch, and that a second
// backward adds the same parameter gradients again (backward accumulates).
void check_layer(Layer<double>& layer, int batch, std::mt19937& rng) {
    layer.reserve(batch);
    std::vector<double> parameters = random_values(layer.parameter_count(), rng);
    std::vector<double> gradients(parameters.size(), 0.0);
    layer.bind(parameters.data(), gradients.data());
    std::vector<double> input =
        random_values(static_cast<std::size_t>(batch) * layer.input_shape().size(), rng);
    const std::vector<double> weights_of_output =
        random_values(static_cast<std::size_t>(batch) * layer.output_shape().size(), rng);
    std::vector<double> output(weights_of_output.size());

    auto loss = [&] {
        layer.forward(input.data(), output.data(), batch);
        double sum = 0;
        for (std::size_t i = 0; i < output.size(); ++i) sum += output[i] * weights_of_output[i];
        return sum;
    };
    loss();
    std::vector<double> d_input(input.size());
    layer.backward(weights_of_output.data(), d_input.data(), batch);
    const std::vector<double> once = gradients;
    loss();
    layer.backward(weights_of_output.data(), d_input.data(), batch);
    for (std::size_t i = 0; i < gradients.size(); ++i)
        CHECK(gradients[i] == doctest::Approx(2 * once[i]));

    check_against_differences("d input", input, d_input, loss);
    check_against_differences("d parameter", parameters, once, loss);
}

// Max pool and ReLU have kinks, but random normal inputs land within kStep of a tie
// or of zero with negligible probability.
int random_batch(std::mt19937& rng) {
    return std::uniform_int_distribution<int>(1, 3)(rng);
}

}  // namespace

TEST_CASE("convolution gradients on random shapes with stride padding and dilation") {
    std::mt19937 rng(21);
    for (int trial = 0; trial < 40; ++trial) {
        const RandomConv c = random_conv(rng);
        INFO("trial " << trial << " input " << c.input.text() << " filters " << c.filters
                      << " kernel " << c.kernel_h << "x" << c.kernel_w << " stride "
                      << c.options.h.stride << "x" << c.options.w.stride << " padding "
                      << c.options.h.padding.text() << "/" << c.options.w.padding.text()
                      << " dilation " << c.options.h.dilation << "x" << c.options.w.dilation);
        ConvolutionLayer<double> layer(c.input, c.filters, c.kernel_h, c.kernel_w, c.options);
        check_layer(layer, random_batch(rng), rng);
    }
}

TEST_CASE("grouped and depthwise convolution gradients") {
    std::mt19937 rng(22);
    for (int trial = 0; trial < 12; ++trial) {
        const RandomConv c = random_conv(rng);
        const int groups = 1 + trial % 3;  // 1, 2, 3
        const Shape shape{groups * (1 + trial % 2), c.input.height, c.input.width};
        INFO("trial " << trial << " groups " << groups << " input " << shape.text());
        ConvolutionLayer<double> layer(shape, groups * 2, c.kernel_h, c.kernel_w, c.options,
                                       groups);
        check_layer(layer, random_batch(rng), rng);
    }
}

TEST_CASE("max pooling gradients on random shapes") {
    std::mt19937 rng(22);
    for (int trial = 0; trial < 40; ++trial) {
        const RandomPool p = random_pool(rng, true);
        INFO("trial " << trial << " input " << p.input.text());
        PoolingLayer<double> layer(p.input, PoolKind::Max, p.window_h, p.window_w, p.options);
        check_layer(layer, random_batch(rng), rng);
    }
}

TEST_CASE("average pooling gradients on random shapes") {
    std::mt19937 rng(23);
    for (int trial = 0; trial < 40; ++trial) {
        const RandomPool p = random_pool(rng, false);
        INFO("trial " << trial << " input " << p.input.text());
        PoolingLayer<double> layer(p.input, PoolKind::Average, p.window_h, p.window_w, p.options);
        check_layer(layer, random_batch(rng), rng);
    }
}

TEST_CASE("relu flatten and affine gradients") {
    std::mt19937 rng(24);
    for (int trial = 0; trial < 10; ++trial) {
        const Shape shape{std::uniform_int_distribution<int>(1, 3)(rng),
                          std::uniform_int_distribution<int>(1, 5)(rng),
                          std::uniform_int_distribution<int>(1, 5)(rng)};
        ReluLayer<double> relu(shape);
        check_layer(relu, random_batch(rng), rng);
        FlattenLayer<double> flatten(shape);
        check_layer(flatten, random_batch(rng), rng);
        AffineLayer<double> affine(shape, std::uniform_int_distribution<int>(1, 7)(rng));
        check_layer(affine, random_batch(rng), rng);
    }
}

TEST_CASE("softmax with cross-entropy gradient is the mean over the batch") {
    std::mt19937 rng(25);
    const int batch = 4, classes = 5;
    std::vector<double> logits = random_values(batch * classes, rng);
    const std::vector<std::uint8_t> labels = {0, 4, 2, 2};
    SoftmaxWithLoss<double> loss(classes);
    loss.reserve(batch);
    auto f = [&] { return loss.forward(logits.data(), labels.data(), batch); };
    const double value = f();
    std::vector<double> d_logits(logits.size());
    loss.backward(d_logits.data(), batch, batch);
    check_against_differences("d logits", logits, d_logits, f);

    // The mean of -log p[label], p computed directly.
    double expected = 0;
    for (int n = 0; n < batch; ++n) {
        double sum = 0;
        for (int k = 0; k < classes; ++k) sum += std::exp(logits[n * classes + k]);
        expected -= std::log(std::exp(logits[n * classes + labels[n]]) / sum);
    }
    CHECK(value == doctest::Approx(expected / batch).epsilon(1e-12));
}

TEST_CASE("a whole small network passes the gradient check with 1 and 2 threads") {
    // Every layer kind, same and full padding, stride 2, dilation 2.
    NetworkSpec spec{
        "",
        {2, 8, 7},
        {LayerSpec::convolution(3, 3, 1, {Padding::Mode::Same, 0}), LayerSpec::relu(),
         LayerSpec::max_pool(2, 2), LayerSpec::convolution(2, 2, 2, {Padding::Mode::Full, 0}, 2),
         LayerSpec::average_pool(2, 1), LayerSpec::flatten(), LayerSpec::affine(6),
         LayerSpec::relu(), LayerSpec::affine(4)}};
    std::mt19937 rng(26);
    const int batch = 5;
    std::vector<double> images =
        random_values(static_cast<std::size_t>(batch) * spec.input.size(), rng);
    const std::vector<std::uint8_t> labels = {0, 3, 1, 2, 3};
    for (int threads : {1, 2}) {
        Network<double> network(spec, batch, threads);
        network.initialize(7);
        std::vector<double> parameters(network.parameters(),
                                       network.parameters() + network.parameter_count());
        // Small nonzero biases too, so every parameter matters.
        for (double& p : parameters) p += 0.05 * std::normal_distribution<double>()(rng);
        auto loss = [&] {
            std::copy(parameters.begin(), parameters.end(), network.parameters());
            return double(network.evaluate(images.data(), labels.data(), batch).loss);
        };
        loss();
        const double value = network.compute_gradients(images.data(), labels.data(), batch).loss;
        CHECK(value == doctest::Approx(loss()).epsilon(1e-14));
        const std::vector<double> analytic(network.gradients(),
                                           network.gradients() + network.parameter_count());
        INFO("threads " << threads);
        check_against_differences("d parameter", parameters, analytic, loss);
    }
}
