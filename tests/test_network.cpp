// The network's own scheduling: running the per-image layers a chunk of images at a
// time (so their activations stay in cache) must not change a single bit of the
// loss or the gradients of one plain pass over the whole batch, layer by layer.
#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <vector>

#include "core/nn/conv_filters.hpp"
#include "core/nn/network.hpp"
#include "core/nn/network_probe.hpp"
#include "core/nn/softmax_loss.hpp"

using namespace convscope;

TEST_CASE("chunked layers give the gradients of one whole-batch pass") {
    const NetworkSpec spec = simpleconvnet_spec();
    const int batch = 7;  // chunks of 2 leave a last chunk of 1
    Network<float> network(spec, batch, 1);
    REQUIRE(network.chunk_images() > 1);
    REQUIRE(network.chunk_images() < batch);
    network.initialize(3);

    std::mt19937 rng(11);
    std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
    std::vector<float> images(static_cast<std::size_t>(batch) * spec.input.size());
    for (float& value : images) value = pixel(rng);
    const std::vector<std::uint8_t> labels = {3, 1, 4, 1, 5, 9, 2};
    const float loss = network.compute_gradients(images.data(), labels.data(), batch).loss;

    // The same network as plain layers, each run once over the whole batch.
    std::vector<std::unique_ptr<Layer<float>>> layers;
    std::vector<std::vector<float>> outputs;
    std::vector<float> gradients(network.parameter_count(), 0.0f);
    Shape shape = spec.input;
    std::size_t offset = 0;
    for (const LayerSpec& layer_spec : spec.layers) {
        layers.push_back(make_layer<float>(layer_spec, shape));
        layers.back()->reserve(batch);
        layers.back()->bind(network.parameters() + offset, gradients.data() + offset);
        offset += layers.back()->parameter_count();
        shape = layers.back()->output_shape();
        outputs.emplace_back(static_cast<std::size_t>(batch) * shape.size());
    }
    const float* input = images.data();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        layers[i]->forward(input, outputs[i].data(), batch);
        input = outputs[i].data();
    }
    SoftmaxWithLoss<float> softmax(shape.channels);
    softmax.reserve(batch);
    CHECK(softmax.forward(input, labels.data(), batch) == loss);
    std::vector<float> d_output(static_cast<std::size_t>(batch) * shape.channels);
    softmax.backward(d_output.data(), batch, batch);
    for (std::size_t i = layers.size(); i-- > 0;) {
        std::vector<float> d_input(static_cast<std::size_t>(batch) *
                                   layers[i]->input_shape().size());
        layers[i]->backward(d_output.data(), i > 0 ? d_input.data() : nullptr, batch);
        d_output.swap(d_input);
    }
    const std::vector<float> chunked(network.gradients(),
                                     network.gradients() + network.parameter_count());
    CHECK(chunked == gradients);
}

TEST_CASE("parameter_layout is the Network's parameter layout, without a Network") {
    for (const NetworkSpec& spec :
         {simpleconvnet_spec(), lenet_spec(), deepconvnet_spec(), fully_connected_spec()}) {
        const Network<float> network(spec, 1, 1);
        const std::vector<ParameterTensor> layout = parameter_layout(spec);
        const std::vector<ParameterTensor>& views = network.parameter_tensors();
        REQUIRE(layout.size() == views.size());
        std::size_t end = 0;
        for (std::size_t i = 0; i < views.size(); ++i) {
            CHECK(layout[i].layer == views[i].layer);
            CHECK(layout[i].name == views[i].name);
            CHECK(layout[i].shape == views[i].shape);
            CHECK(layout[i].offset == views[i].offset);
            CHECK(layout[i].count == views[i].count);
            CHECK(layout[i].offset == end);  // back to back, in buffer order
            end = layout[i].offset + layout[i].count;
        }
        CHECK(end == network.parameter_count());
    }
}

TEST_CASE("seed 1's fully connected network: 784 inputs, Affine-ReLU x4, Affine 10") {
    const NetworkSpec spec = fully_connected_spec();
    CHECK(spec.input == Shape{1, 28, 28});
    const std::vector<LayerSummary> layers = layer_summaries(spec);
    REQUIRE(layers.size() == 10);
    CHECK(layers[0].kind == LayerKind::Flatten);
    CHECK(layers[0].output.size() == 784);
    for (int i = 0; i < 4; ++i) {
        CHECK(layers[std::size_t(1 + 2 * i)].kind == LayerKind::Affine);
        CHECK(layers[std::size_t(2 + 2 * i)].kind == LayerKind::Relu);
    }
    CHECK(layers.back().kind == LayerKind::Affine);
    CHECK(layers.back().output.size() == 10);  // scores for softmax, one per digit
    // Weights and biases: 784x100 + 3 x 100x100 + 100x10, plus 4 x 100 + 10.
    const Network<float> network(spec, 1, 1);
    CHECK(network.parameter_count() == 784 * 100 + 3 * 100 * 100 + 100 * 10 + 4 * 100 + 10);
}

TEST_CASE("conv_filters cuts each conv layer's weights, biases and gradients") {
    const NetworkSpec spec = lenet_spec();
    Network<float> network(spec, 2, 1);
    network.initialize(5);
    std::vector<float> images(2 * static_cast<std::size_t>(spec.input.size()), 0.5f);
    const std::vector<std::uint8_t> labels = {1, 7};
    network.compute_gradients(images.data(), labels.data(), 2);

    const std::vector<ConvFilters> layers =
        conv_filters(spec, network.parameter_tensors(), network.parameters(), network.gradients());
    REQUIRE(layers.size() == 2);
    CHECK(layers[0].name == "conv1");
    CHECK(layers[1].name == "conv2");
    CHECK(layers[1].layer == 3);
    CHECK(layers[1].shape == std::vector<int>{16, 6, 5, 5});
    for (const ConvFilters& layer : layers) {
        const ParameterTensor* weight = nullptr;
        const ParameterTensor* bias = nullptr;
        for (const ParameterTensor& view : network.parameter_tensors()) {
            if (view.name == layer.name + ".weight") weight = &view;
            if (view.name == layer.name + ".bias") bias = &view;
        }
        REQUIRE(weight != nullptr);
        REQUIRE(bias != nullptr);
        const float* p = network.parameters();
        const float* g = network.gradients();
        CHECK(layer.weights ==
              std::vector<float>(p + weight->offset, p + weight->offset + weight->count));
        CHECK(layer.biases == std::vector<float>(p + bias->offset, p + bias->offset + bias->count));
        CHECK(layer.gradients ==
              std::vector<float>(g + weight->offset, g + weight->offset + weight->count));
        // One tile per (filter, channel) slice, filter by filter as the weights lie.
        const int filters = layer.shape[0], channels = layer.shape[1];
        REQUIRE(layer.slice_count() == filters * channels);
        CHECK(layer.slice_count() * layer.shape[2] * layer.shape[3] ==
              static_cast<int>(layer.weights.size()));
        for (int s = 0; s < layer.slice_count(); ++s) {
            CHECK(layer.filter_of(s) * channels + layer.channel_of(s) == s);
            CHECK(layer.filter_of(s) < filters);
            CHECK(layer.channel_of(s) < channels);
        }
        CHECK(layer.filter_of(layer.slice_count() - 1) == filters - 1);
        CHECK(layer.channel_of(channels) == 0);  // the second filter starts at channel 0
    }
    CHECK(ConvFilters{}.slice_count() == 0);
    // Without a gradient buffer: weights and biases only.
    const std::vector<ConvFilters> plain =
        conv_filters(spec, parameter_layout(spec), network.parameters(), nullptr);
    REQUIRE(plain.size() == 2);
    CHECK(plain[0].gradients.empty());
    CHECK(plain[0].weights == layers[0].weights);
}
