// The DeepConvNet preset: its shapes, a receptive field that grows with every 3x3
// convolution and pool (why it is there), and weights files that name it.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/formats/weights_file.hpp"
#include "core/nn/network_probe.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

TEST_CASE("DeepConvNet: three blocks of two 3x3 convolutions, 28x28 down to 64x4x4") {
    const NetworkSpec spec = network_preset("deepconvnet");
    CHECK(spec.name == "deepconvnet");
    const std::vector<std::string> names = network_preset_names();
    CHECK(std::count(names.begin(), names.end(), "deepconvnet") == 1);

    const Network<float> network(spec, 1, 1);
    int convolutions = 0;
    for (int layer = 0; layer < network.layer_count(); ++layer) {
        const LayerSpec& l = spec.layers[static_cast<std::size_t>(layer)];
        if (l.kind != LayerKind::Convolution) continue;
        ++convolutions;
        CHECK(l.kernel_h == 3);
        CHECK(l.kernel_w == 3);
    }
    CHECK(convolutions == 6);
    // The fourth convolution pads by 2, so the second pool halves 16 to 8 (the book's).
    CHECK(network.layer_output_shape(8) == Shape{32, 16, 16});
    CHECK(network.layer_output_shape(14) == Shape{64, 4, 4});
    CHECK(network.classes() == 10);
    // 3x3 weights plus biases of six convolutions, then 1024x50 + 50 and 50x10 + 10.
    const std::size_t conv = (9 * 1 + 1) * 16 + (9 * 16 + 1) * 16 + (9 * 16 + 1) * 32 +
                             (9 * 32 + 1) * 32 + (9 * 32 + 1) * 64 + (9 * 64 + 1) * 64;
    CHECK(network.parameter_count() == conv + 1024 * 50 + 50 + 50 * 10 + 10);
}

TEST_CASE("DeepConvNet's receptive field grows at every convolution and pool") {
    const NetworkSpec spec = deepconvnet_spec();
    int previous = 1;  // a pixel sees itself
    int deepest = 0;
    for (int layer = 0; layer < static_cast<int>(spec.layers.size()); ++layer) {
        const LayerKind kind = spec.layers[static_cast<std::size_t>(layer)].kind;
        if (kind == LayerKind::Flatten) break;
        const auto fields = unit_receptive_field(spec, layer, 0, 0);
        const int side = fields.front().region.rows.size();
        CAPTURE(layer);
        if (kind == LayerKind::Relu) {
            CHECK(side == previous);  // element-wise: the same field
        } else {
            CHECK(side > previous);
        }
        previous = side;
        deepest = side;
    }
    // Each 3x3 conv adds (3 - 1) x the stride so far, each 2x2 pool 1 x it:
    // 3, 5, 6 | 10, 14, 16 | 24, 32, 36.
    CHECK(deepest == 36);
    // SimpleConvNet's deepest map (after its pool) sees only 6x6 pixels.
    CHECK(unit_receptive_field(simpleconvnet_spec(), 2, 0, 0).front().region.rows.size() == 6);
}

TEST_CASE("a DeepConvNet weights file names its network") {
    TempFolder folder;
    Network<float> saved(deepconvnet_spec(), 2);
    saved.initialize(5);
    save_weights(folder.file("deep.weights"), saved);
    const WeightsFile file = read_weights(folder.file("deep.weights"));
    CHECK(file.architecture == deepconvnet_spec().architecture());
    CHECK(spec_for_architecture(file.architecture, "deep.weights").name == "deepconvnet");

    Network<float> loaded(deepconvnet_spec(), 2);
    load_weights(folder.file("deep.weights"), loaded);
    CHECK(std::equal(saved.parameters(), saved.parameters() + saved.parameter_count(),
                     loaded.parameters()));
    // Another network's file is refused.
    Network<float> simple(simpleconvnet_spec(), 2);
    CHECK_THROWS_AS(load_weights(folder.file("deep.weights"), simple), InputError);
}
