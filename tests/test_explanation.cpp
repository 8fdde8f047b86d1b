// Saliency and Grad-CAM: the saliency equals a finite-difference estimate of d score /
// d pixel, Grad-CAM's weights equal the averaged finite-difference gradients of the
// score with respect to its feature maps, and the heat maps are non-negative, of the
// input's size, and at most 1.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/nn/explanation.hpp"
#include "core/nn/network.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/random.hpp"

using namespace convscope;

namespace {

// A He-initialised network in double, and an image of uniform noise in [0, 1).
struct Fixture {
    NetworkSpec spec;
    std::unique_ptr<Network<double>> network;
    std::vector<double> image;

    Fixture(NetworkSpec network_spec, std::uint64_t seed) : spec(std::move(network_spec)) {
        network = std::make_unique<Network<double>>(spec, 1);
        network->initialize(seed);
        Random random(seed + 1);
        for (int i = 0; i < spec.input.size(); ++i) image.push_back(random.uniform());
    }
    const double* parameters() const { return network->parameters(); }
};

// The layers after `layer` (-1: all), built once: score() runs them on that layer's
// output (the input for -1) and returns class `target`'s score.
class Tail {
  public:
    Tail(const NetworkSpec& spec, const double* parameters, int layer) {
        Shape shape = spec.input;
        std::size_t offset = 0;
        for (int i = 0; i < static_cast<int>(spec.layers.size()); ++i) {
            auto built = make_layer<double>(spec.layers[i], shape);
            shape = built->output_shape();
            const std::size_t count = built->parameter_count();
            if (i > layer) {
                built->reserve(1);
                unused_.emplace_back(count);  // bind() wants a gradient slice
                built->bind(parameters + offset, unused_.back().data());
                layers_.push_back(std::move(built));
            }
            offset += count;
        }
    }
    double score(const std::vector<double>& activation, int target) {
        std::vector<double> current = activation;
        for (auto& layer : layers_) {
            std::vector<double> next(static_cast<std::size_t>(layer->output_shape().size()));
            layer->forward(current.data(), next.data(), 1);
            current.swap(next);
        }
        return current[static_cast<std::size_t>(target)];
    }
    // (score(values + h e_index) - score(values - h e_index)) / 2h
    double central_difference(std::vector<double> values, std::size_t index, int target) {
        const double h = 1e-6;
        const double original = values[index];
        values[index] = original + h;
        const double up = score(values, target);
        values[index] = original - h;
        return (up - score(values, target)) / (2 * h);
    }

  private:
    std::vector<std::unique_ptr<Layer<double>>> layers_;
    std::vector<std::vector<double>> unused_;
};

}  // namespace

TEST_CASE("saliency equals a finite-difference estimate of d score / d pixel") {
    for (const NetworkSpec& spec : {simpleconvnet_spec(), lenet_spec()}) {
        INFO(spec.name);
        const Fixture fixture(spec, 11);
        for (int target : {-1, 3}) {
            const Explanation<double> result =
                explain(spec, fixture.parameters(), fixture.image.data(), target);
            CHECK(result.target_class == (target < 0 ? result.predicted_class : target));
            Tail network(spec, fixture.parameters(), -1);
            CHECK(result.logits[result.target_class] ==
                  doctest::Approx(network.score(fixture.image, result.target_class)));
            int nonzero = 0;
            for (std::size_t pixel : {std::size_t(0), std::size_t(200), std::size_t(378),
                                      std::size_t(406), std::size_t(600), std::size_t(783)}) {
                const double estimate =
                    network.central_difference(fixture.image, pixel, result.target_class);
                INFO("pixel " << pixel);
                CHECK(result.input_gradient[pixel] ==
                      doctest::Approx(estimate).epsilon(1e-5).scale(1e-3));
                nonzero += std::fabs(estimate) > 1e-6;
            }
            CHECK(nonzero >= 3);  // the check compared real gradients, not zeros
        }
    }
}

TEST_CASE("Grad-CAM's weights are the averaged gradients of the score over each map") {
    for (const NetworkSpec& spec : {simpleconvnet_spec(), lenet_spec()}) {
        INFO(spec.name);
        Fixture fixture(spec, 21);
        // The last conv's biases raised so every map after its ReLU is positive: a max
        // pool over tied zeros has no derivative for a finite difference to estimate.
        for (const ParameterTensor& tensor : fixture.network->parameter_tensors())
            if (tensor.name == (spec.name == "lenet" ? "conv2.bias" : "conv1.bias"))
                std::fill_n(fixture.network->parameters() + tensor.offset, tensor.count, 5.0);
        const Explanation<double> result =
            explain(spec, fixture.parameters(), fixture.image.data(), 7);
        // The ReLU after the last convolution: SimpleConvNet's layer 1, LeNet's layer 4.
        CHECK(result.cam_layer == (spec.name == "lenet" ? 4 : 1));
        const int cells = result.cam_shape.height * result.cam_shape.width;
        Tail tail(spec, fixture.parameters(), result.cam_layer);
        // alpha_k, the mean over map k of d score / d A_k, is the derivative along the
        // direction that raises every cell of map k at once, divided by the cells.
        for (int k = 0; k < result.cam_shape.channels; ++k) {
            const double h = 1e-6;
            std::vector<double> up = result.cam_activations, down = up;
            for (int c = 0; c < cells; ++c) {
                up[static_cast<std::size_t>(k * cells + c)] += h;
                down[static_cast<std::size_t>(k * cells + c)] -= h;
            }
            const double mean = (tail.score(up, 7) - tail.score(down, 7)) / (2 * h) / cells;
            INFO("map " << k);
            CHECK(result.cam_weights[k] == doctest::Approx(mean).epsilon(1e-5).scale(1e-3));
        }
        // And cell by cell on a few cells: the gradients the weights average.
        for (int c : {0, cells / 2, cells - 1}) {
            CHECK(result.cam_gradients[static_cast<std::size_t>(c)] ==
                  doctest::Approx(tail.central_difference(result.cam_activations,
                                                          static_cast<std::size_t>(c), 7))
                      .epsilon(1e-5)
                      .scale(1e-3));
        }
        for (double value : result.cam_coarse) CHECK(value >= 0);
    }
}

TEST_CASE("the heat maps are non-negative, of the input's size, and reach 1") {
    Network<float> network(lenet_spec(), 1);
    network.initialize(4);
    std::vector<float> image(784);
    Random random(5);
    for (float& value : image) value = static_cast<float>(random.uniform());
    const Explanation<float> result = explain(network.spec(), network.parameters(), image.data());
    for (ExplainMethod method : {ExplainMethod::Saliency, ExplainMethod::GradCam}) {
        const std::vector<float> heat = explanation_heat(network.spec(), result, method);
        REQUIRE(heat.size() == 28u * 28u);
        CHECK(*std::min_element(heat.begin(), heat.end()) >= 0.0f);
        CHECK(*std::max_element(heat.begin(), heat.end()) == doctest::Approx(1.0f));
    }
    CHECK_THROWS_AS(explain(network.spec(), network.parameters(), image.data(), 10), InputError);
    CHECK_THROWS_AS(explain_method_named("lime"), InputError);
}

TEST_CASE("Grad-CAM's map lights where the evidence is") {
    // A hand-made net: conv 1@1x1 with weight 1 copies the image; ReLU; flatten; affine
    // 2 whose class 1 sums the right half. Only the right half can matter for class 1.
    NetworkSpec spec{"",
                     {1, 4, 4},
                     {LayerSpec::convolution(1, 1), LayerSpec::relu(), LayerSpec::flatten(),
                      LayerSpec::affine(2)}};
    std::vector<float> parameters = {1.0f, 0.0f};  // conv weight, bias
    for (int o = 0; o < 2; ++o)
        for (int i = 0; i < 16; ++i) parameters.push_back(o == 1 && i % 4 >= 2 ? 1.0f : 0.0f);
    parameters.insert(parameters.end(), {0.0f, 0.0f});
    const std::vector<float> image(16, 0.5f);
    const Explanation<float> result = explain(spec, parameters.data(), image.data(), 1);
    CHECK(result.cam_weights[0] == doctest::Approx(0.5f));  // 8 of 16 cells have gradient 1
    const std::vector<float> saliency = saliency_heat(result);
    for (int i = 0; i < 16; ++i) CHECK(saliency[i] == (i % 4 >= 2 ? 1.0f : 0.0f));
}

TEST_CASE("the overlay dims the input where the heat is zero and colours it where it is 1") {
    const Tensor input({1, 2, 2}, {0.0f, 1.0f, 0.5f, 0.25f});
    const RgbImage picture = heat_overlay(input, {0.0f, 0.0f, 1.0f, 0.0f}, 1.0f, 3);
    CHECK(picture.width == 6);
    CHECK(picture.pixel(0, 0)[0] == 0);
    CHECK(picture.pixel(0, 5)[1] == 128);  // white at half brightness under opacity 1
    std::uint8_t hot[3];
    heat_colour(1.0f, hot);
    CHECK(picture.pixel(5, 0)[0] == hot[0]);
    CHECK(picture.pixel(5, 0)[1] == hot[1]);
    CHECK(hot[2] == 0);  // yellow, not white: it shows on white strokes
    // Opacity 0: the input as it is.
    CHECK(heat_overlay(input, {1.0f, 1.0f, 1.0f, 1.0f}, 0.0f).rgb == render_image(input).rgb);
}
