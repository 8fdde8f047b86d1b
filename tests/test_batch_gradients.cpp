// One batch laid open: the inspection's loss and dL/dW equal the Network's own for the
// same batch and weights, and every weight's gradient equals the sum of its terms
// input x dL/dY over the batch's images and windows (strided, padded, dilated, grouped
// channels included).
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/nn/batch_gradients.hpp"
#include "core/nn/network.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

NetworkSpec strided_spec() {
    NetworkSpec spec;
    spec.input = Shape{2, 9, 8};
    spec.layers = {LayerSpec::convolution(3, 3, 2, Padding::of(1), 2), LayerSpec::relu(),
                   LayerSpec::flatten(), LayerSpec::affine(4)};
    return spec;
}

void check_spec(const NetworkSpec& spec, int batch, std::uint64_t seed) {
    Network<float> network(spec, batch, 1);
    network.initialize(seed);
    std::mt19937 rng(static_cast<unsigned>(seed));
    std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
    std::vector<float> images(static_cast<std::size_t>(batch) * spec.input.size());
    for (float& value : images) value = pixel(rng);
    std::vector<std::uint8_t> labels(batch);
    const int classes = network.classes();
    for (auto& label : labels)
        label = static_cast<std::uint8_t>(std::uniform_int_distribution<int>(0, classes - 1)(rng));

    const BatchInspection inspection =
        inspect_batch(spec, network.parameters(), images.data(), labels.data(), batch);
    const BatchResult<float> result =
        network.compute_gradients(images.data(), labels.data(), batch);
    CHECK(inspection.loss == doctest::Approx(result.loss).epsilon(1e-5));
    CHECK(inspection.correct == result.correct);
    REQUIRE(inspection.predictions.size() == static_cast<std::size_t>(batch));

    const ParameterTensor& conv = network.parameter_tensors()[0];
    REQUIRE(inspection.filters.gradients.size() == conv.count);
    const std::vector<int>& shape = inspection.filters.shape;
    const long windows = inspection.conv_output.height * inspection.conv_output.width;
    double largest = 0;
    for (std::size_t i = 0; i < conv.count; ++i)
        largest = std::max(largest, std::fabs(double(network.gradients()[conv.offset + i])));
    REQUIRE(largest > 0);
    std::size_t weight = 0;
    for (int f = 0; f < shape[0]; ++f)
        for (int c = 0; c < shape[1]; ++c)
            for (int ky = 0; ky < shape[2]; ++ky)
                for (int kx = 0; kx < shape[3]; ++kx, ++weight) {
                    const float network_gradient = network.gradients()[conv.offset + weight];
                    CHECK(inspection.filters.gradients[weight] ==
                          doctest::Approx(network_gradient).epsilon(1e-4).scale(largest));
                    const WeightGradientSum sum =
                        decompose_weight_gradient(inspection, f, c, ky, kx, 4);
                    CHECK(sum.term_count == batch * windows);
                    CHECK(sum.nonzero_terms <= sum.term_count);
                    CHECK(sum.layer_gradient == inspection.filters.gradients[weight]);
                    CHECK(sum.total ==
                          doctest::Approx(sum.layer_gradient).epsilon(1e-4).scale(largest));
                    CHECK(sum.largest.size() <= 4);
                    for (std::size_t t = 1; t < sum.largest.size(); ++t)
                        CHECK(std::fabs(sum.largest[t - 1].product) >=
                              std::fabs(sum.largest[t].product));
                    for (const WeightTerm& term : sum.largest)
                        CHECK(term.product == term.input * term.output_gradient);
                }
}

}  // namespace

TEST_CASE("a strided, padded, dilated first convolution: every weight's terms add up") {
    check_spec(strided_spec(), 5, 7);
}

TEST_CASE("SimpleConvNet on a batch: the terms add up to the layer's dL/dW") {
    check_spec(simpleconvnet_spec(), 6, 3);
}

TEST_CASE("bad requests are one-line errors") {
    const NetworkSpec spec = strided_spec();
    Network<float> network(spec, 1, 1);
    network.initialize(1);
    std::vector<float> image(spec.input.size(), 0.5f);
    const std::uint8_t label = 1;
    CHECK_THROWS_AS(inspect_batch(spec, network.parameters(), image.data(), &label, 0), InputError);
    const BatchInspection one = inspect_batch(spec, network.parameters(), image.data(), &label, 1);
    CHECK_THROWS_AS(decompose_weight_gradient(one, 3, 0, 0, 0), InputError);
    CHECK_THROWS_AS(decompose_weight_gradient(one, 0, 2, 0, 0), InputError);
    CHECK_THROWS_AS(decompose_weight_gradient(one, 0, 0, -1, 0), InputError);
    NetworkSpec no_conv;
    no_conv.input = Shape{1, 4, 4};
    no_conv.layers = {LayerSpec::flatten(), LayerSpec::affine(3)};
    Network<float> plain(no_conv, 1, 1);
    std::vector<float> small(16, 0.5f);
    CHECK_THROWS_AS(inspect_batch(no_conv, plain.parameters(), small.data(), &label, 1),
                    InputError);
}
