// Activations: the probe's per-layer outputs are the network's own numbers (its scores
// equal Network::predict, its first conv equals the reference conv2d), features run at
// any image size, and receptive fields map onto every layer below a unit.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "core/formats/mnist_idx.hpp"
#include "core/nn/network_probe.hpp"
#include "core/ops/reference_ops.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

const std::string kBundledMnist = CONVSCOPE_FIXTURE_DIR "/../../assets/mnist";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::vector<float> mnist_image(const Dataset& data, int index) {
    std::vector<float> image(static_cast<std::size_t>(data.image_size()));
    data.image_as_floats(index, image.data());
    return image;
}

const ParameterTensor& view_named(const Network<float>& network, const std::string& name) {
    for (const ParameterTensor& view : network.parameter_tensors())
        if (view.name == name) return view;
    FAIL("no parameter " << name);
    return network.parameter_tensors()[0];
}

}  // namespace

TEST_CASE("the probe's scores equal the network's own predictions") {
    const Dataset test = load_mnist(kBundledMnist).test;
    for (const NetworkSpec& spec : {simpleconvnet_spec(), lenet_spec(), deepconvnet_spec()}) {
        CAPTURE(spec.name);
        Network<float> network(spec, 1);
        network.initialize(7);
        ActivationProbe probe(spec);
        REQUIRE(probe.parameter_count() == network.parameter_count());
        for (int index : {0, 1, 2}) {
            const std::vector<float> image = mnist_image(test, index);
            std::vector<float> logits(network.classes());
            network.predict(image.data(), 1, logits.data());
            const NetworkActivations result = probe.run(network.parameters(), image.data());
            REQUIRE(result.layers.size() == spec.layers.size());
            const std::vector<float>& scores = result.layers.back().values;
            for (int c = 0; c < network.classes(); ++c)
                CHECK(scores[c] == doctest::Approx(logits[c]).epsilon(1e-5));
            CHECK(result.predicted_class ==
                  std::max_element(logits.begin(), logits.end()) - logits.begin());
            const float total =
                std::accumulate(result.probabilities.begin(), result.probabilities.end(), 0.0f);
            CHECK(total == doctest::Approx(1.0));
            CHECK(result.input == image);
        }
    }
}

TEST_CASE("every layer's activation has the network's shape and name") {
    Network<float> network(simpleconvnet_spec(), 1);
    network.initialize(2);
    const std::vector<float> image(784, 0.5f);
    const NetworkActivations result = compute_activations(network, image.data());
    const std::vector<std::string> names = {"conv1",   "relu1", "maxpool1", "flatten1",
                                            "affine1", "relu2", "affine2"};
    REQUIRE(result.layers.size() == names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        CHECK(result.layers[i].name == names[i]);
        CHECK(result.layers[i].shape == network.layer_output_shape(static_cast<int>(i)));
        CHECK(result.layers[i].values.size() == std::size_t(result.layers[i].shape.size()));
        // Maps until flatten turns them into a vector of units.
        CHECK(result.layers[i].is_grid() == (i < 3));
    }
    LayerActivation row;
    row.shape = Shape{3, 1, 5};  // one row of maps is still maps
    CHECK(row.is_grid());
    row.shape = Shape{120, 1, 1};  // a conv's 1x1 maps are a vector of units
    CHECK_FALSE(row.is_grid());
    // ReLU keeps the positive part of the conv output.
    const auto& conv = result.layers[0].values;
    const auto& relu = result.layers[1].values;
    for (std::size_t i = 0; i < conv.size(); ++i) CHECK(relu[i] == std::max(0.0f, conv[i]));
}

TEST_CASE("the first conv layer's maps equal the reference convolution") {
    Network<float> network(lenet_spec(), 1);
    network.initialize(4);
    const std::vector<float> image = mnist_image(load_mnist(kBundledMnist).test, 5);
    const NetworkActivations result = compute_activations(network, image.data());
    const ParameterTensor& weight = view_named(network, "conv1.weight");
    const ParameterTensor& bias = view_named(network, "conv1.bias");
    const Tensor kernel(weight.shape,
                        std::vector<float>(network.parameters() + weight.offset,
                                           network.parameters() + weight.offset + weight.count));
    const std::vector<float> biases(network.parameters() + bias.offset,
                                    network.parameters() + bias.offset + bias.count);
    const Tensor expected =
        conv2d(Tensor({1, 1, 28, 28}, image), kernel, biases, lenet_spec().layers[0].options);
    const LayerActivation& conv1 = result.layers[0];
    REQUIRE(conv1.shape == Shape{6, 28, 28});
    for (std::size_t i = 0; i < expected.size(); ++i)
        CHECK(conv1.values[i] == doctest::Approx(expected.data()[i]).epsilon(1e-4));
    CHECK(conv1.map(2)[0] == doctest::Approx(expected.at(0, 2, 0, 0)).epsilon(1e-4));
}

TEST_CASE("convolutional features run at the image's own size") {
    Network<float> network(simpleconvnet_spec(), 1);
    network.initialize(9);
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> value(0, 1);
    Tensor photo({1, 40, 50});
    for (std::size_t i = 0; i < photo.size(); ++i) photo.data()[i] = value(rng);
    const auto features = convolutional_features(network.spec(), network.parameters(), photo);
    REQUIRE(features.size() == 3);  // conv1, relu1, maxpool1: the layers before flatten
    CHECK(features[0].name == "conv1");
    CHECK(features[0].shape == Shape{30, 36, 46});
    CHECK(features[2].shape == Shape{30, 18, 23});

    // At 28x28 they are the full network's first layers.
    const std::vector<float> digit = mnist_image(load_mnist(kBundledMnist).test, 3);
    const auto small =
        convolutional_features(network.spec(), network.parameters(), Tensor({1, 28, 28}, digit));
    const NetworkActivations full = compute_activations(network, digit.data());
    CHECK(small[2].values == full.layers[2].values);

    CHECK(contains(
        input_error_of([&] {
            convolutional_features(network.spec(), network.parameters(), Tensor({3, 28, 28}));
        }),
        "1-channel"));
    CHECK(!input_error_of([&] {
               convolutional_features(network.spec(), network.parameters(), Tensor({1, 3, 3}));
           }).empty());
}

TEST_CASE("layer summaries count every parameter once") {
    for (const NetworkSpec& spec : {simpleconvnet_spec(), lenet_spec(), deepconvnet_spec()}) {
        CAPTURE(spec.name);
        Network<float> network(spec, 1);
        const auto rows = layer_summaries(spec);
        REQUIRE(rows.size() == spec.layers.size());
        const int flatten_layer = static_cast<int>(
            std::find_if(spec.layers.begin(), spec.layers.end(),
                         [](const LayerSpec& l) { return l.kind == LayerKind::Flatten; }) -
            spec.layers.begin());
        std::size_t total = 0;
        for (const LayerSummary& row : rows) {
            total += row.parameters;
            CHECK(row.output == network.layer_output_shape(row.layer));
            // Maps exist until the flatten layer turns them into one vector.
            CHECK(row.spatial == (row.layer < flatten_layer));
        }
        CHECK(total == network.parameter_count());
        CHECK(total_parameters(rows) == total);
    }
    // Seed 1's fully connected net: 784 > 100 x4 > 10, in five affine layers.
    const auto fc = layer_summaries(fully_connected_spec());
    CHECK(layers_of_kind(fc, LayerKind::Affine) == 5);
    CHECK(layers_of_kind(fc, LayerKind::Convolution) == 0);
    CHECK(total_parameters(fc) == (784 * 100 + 100) + 3 * (100 * 100 + 100) + (100 * 10 + 10));
    const auto rows = layer_summaries(simpleconvnet_spec());
    CHECK(rows[0].parameters == 30 * 25 + 30);
    CHECK(rows[4].parameters == 4320 * 100 + 100);
    CHECK(rows[3].text == "flatten");
    CHECK_FALSE(rows[3].spatial);
    // The short texts leave out the settings at their defaults, and only those.
    CHECK(rows[0].text == "conv 30@5x5 s1 p0 d1");
    CHECK(rows[0].short_text == "conv 30@5x5");
    CHECK(rows[2].short_text == "maxpool 2x2 s2");
    CHECK(rows[3].short_text == "flatten");
    CHECK(rows[4].short_text == "affine 100");
    CHECK(layer_summaries(lenet_spec())[0].short_text == "conv 6@5x5 p2");
    CHECK(LayerSpec::convolution(8, 3, 2, Padding::of(1), 2).short_text() == "conv 8@3x3 s2 p1 d2");
    CHECK(LayerSpec::convolution(1, 1, 1, Padding::parse("same")).short_text() ==
          "conv 1@1x1 psame");
}

TEST_CASE("a pooled SimpleConvNet unit's field appears on every layer below it") {
    const NetworkSpec spec = simpleconvnet_spec();
    const auto fields = unit_receptive_field(spec, 2, 3, 5);  // maxpool1, unit (3, 5)
    REQUIRE(fields.size() == 4);                              // input, conv1, relu1, maxpool1
    CHECK(fields[0].layer == -1);
    // 2x2 pool at stride 2 reads conv rows 6..7; a 5x5 conv reads input rows 6..11.
    CHECK(fields[0].region.rows.first == 6);
    CHECK(fields[0].region.rows.size() == 6);
    CHECK(fields[0].region.cols.first == 10);
    CHECK(fields[0].region.cols.size() == 6);
    CHECK(fields[1].layer == 0);
    CHECK(fields[1].region.rows.first == 6);
    CHECK(fields[1].region.rows.size() == 2);
    CHECK(fields[2].region.rows.first == fields[1].region.rows.first);  // ReLU keeps the grid
    CHECK(fields[3].region.rows.first == 3);
    CHECK(fields[3].region.rows.size() == 1);
    CHECK(spatial_geometries(spec, 2).size() == 2);
}

TEST_CASE("LeNet's deepest maps see a padded 16x16 patch") {
    const NetworkSpec spec = lenet_spec();
    const auto fields = unit_receptive_field(spec, 5, 0, 0);  // maxpool2, corner unit
    REQUIRE(fields.size() == 7);
    // pool2 2 -> conv2 6 -> pool1 12 -> conv1 16 cells, starting 2 into the padding.
    CHECK(fields[0].region.rows.size() == 16);
    CHECK(fields[0].region.rows.first == -2);
    CHECK(fields[0].region.clipped_rows.first == 0);
    CHECK(fields[0].region.clipped_rows.size() == 14);

    CHECK(contains(input_error_of([&] { unit_receptive_field(spec, 7, 0, 0); }), "flatten"));
    CHECK(contains(input_error_of([&] { unit_receptive_field(spec, 5, 5, 0); }), "outside"));
}

TEST_CASE("channels in a receptive field: a convolution reads them all, a pool its own") {
    // input 3x8x8 | maxpool 2x2 s2 | relu | conv 2@3x3 | relu
    NetworkSpec spec;
    spec.input = Shape{3, 8, 8};
    spec.layers = {LayerSpec::max_pool(2, 2), LayerSpec::relu(), LayerSpec::convolution(2, 3),
                   LayerSpec::relu()};
    ActivationProbe probe(spec);
    // Positive weights and pixels: no ReLU hides a change, no weights cancel out.
    std::vector<float> parameters(probe.parameter_count());
    for (std::size_t i = 0; i < parameters.size(); ++i) parameters[i] = 0.05f * (1 + i % 7);
    std::vector<float> image(static_cast<std::size_t>(spec.input.size()));
    for (std::size_t i = 0; i < image.size(); ++i) image[i] = 0.1f * (i % 5);
    const NetworkActivations before = probe.run(parameters.data(), image.data());

    // On the input, by experiment: brighten one input channel and see which units move.
    const int plane = spec.input.height * spec.input.width;
    for (int c = 0; c < spec.input.channels; ++c) {
        std::vector<float> brighter = image;
        for (int i = 0; i < plane; ++i) brighter[static_cast<std::size_t>(c * plane + i)] += 1.0f;
        const NetworkActivations after = probe.run(parameters.data(), brighter.data());
        for (int layer = 0; layer < static_cast<int>(spec.layers.size()); ++layer)
            for (int k = 0; k < before.layers[static_cast<std::size_t>(layer)].shape.channels;
                 ++k) {
                INFO("input channel " << c << ", unit layer " << layer << " channel " << k);
                const bool moved = after.layers[static_cast<std::size_t>(layer)].map(k)[0] !=
                                   before.layers[static_cast<std::size_t>(layer)].map(k)[0];
                CHECK(channel_in_receptive_field(spec, layer, k, -1, c) == moved);
            }
    }
    // Between layers: below the conv every channel, above it the unit's own only.
    for (int c = 0; c < 3; ++c) {
        CHECK(channel_in_receptive_field(spec, 3, 1, 1, c));
        CHECK(channel_in_receptive_field(spec, 3, 1, 0, c));
        CHECK(channel_in_receptive_field(spec, 1, 2, 0, c) == (c == 2));
    }
    CHECK(channel_in_receptive_field(spec, 3, 1, 2, 1));
    CHECK_FALSE(channel_in_receptive_field(spec, 3, 1, 2, 0));
    // On the unit's own layer only its channel.
    CHECK(channel_in_receptive_field(spec, 2, 0, 2, 0));
    CHECK_FALSE(channel_in_receptive_field(spec, 2, 0, 2, 1));
}
