// The network's own scheduling: running the per-image layers a chunk of images at a
// time (so their activations stay in cache) must not change a single bit of the
// loss or the gradients of one plain pass over the whole batch, layer by layer.
#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <vector>

#include "core/nn/network.hpp"
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
