// Network mode's network combo before the first Start: a preset with bundled weights
// (assets/weights/NAME.weights) shows them as a paused, pretrained network; one without
// makes a fresh session.
#include <doctest/doctest.h>

#include "app/model/training_lab.hpp"
#include "core/nn/network.hpp"

using namespace convscope;

namespace {

TrainingSettings settings_for(const std::string& network) {
    TrainingSettings settings;
    settings.network = network;
    settings.batch = 20;
    settings.test_images_per_point = 50;
    return settings;
}

}  // namespace

TEST_CASE("the bundled DeepConvNet loads and names its network") {
    const auto deep = load_bundled_network("deepconvnet");
    REQUIRE_MESSAGE(static_cast<bool>(deep), "assets/weights/deepconvnet.weights is bundled");
    CHECK(deep->spec.architecture() == deepconvnet_spec().architecture());
    CHECK(deep->parameters.size() ==
          parameter_layout(deep->spec).back().offset + parameter_layout(deep->spec).back().count);
    CHECK_FALSE(static_cast<bool>(load_bundled_network("lenet")));  // none bundled
    CHECK_FALSE(static_cast<bool>(load_bundled_network("no-such-net")));
}

TEST_CASE("picking DeepConvNet shows its bundled weights, SimpleConvNet's come back") {
    TrainingLab lab(load_pretrained_network());
    lab.ensure_ready(settings_for("simpleconvnet"));
    REQUIRE(lab.showing_pretrained());
    CHECK(lab.spec().name == "simpleconvnet");

    lab.change_settings(settings_for("deepconvnet"));
    CHECK(lab.showing_pretrained());
    CHECK(lab.spec().name == "deepconvnet");
    CHECK(lab.layers().size() == deepconvnet_spec().layers.size());
    CHECK(lab.shown()->conv_layers.size() == 6);
    CHECK(lab.shown()->probe.layers.size() == deepconvnet_spec().layers.size());
    CHECK(lab.shown()->probe.predicted_class >= 0);

    lab.change_settings(settings_for("simpleconvnet"));
    CHECK(lab.showing_pretrained());
    CHECK(lab.spec().name == "simpleconvnet");
    CHECK(lab.shown()->conv_layers.size() == 1);

    // LeNet has no bundled weights: a fresh session, paused.
    lab.change_settings(settings_for("lenet"));
    CHECK_FALSE(lab.showing_pretrained());
    CHECK(lab.spec().name == "lenet");
    CHECK(lab.shown()->total_batches == 0);
}

TEST_CASE("the lab's bundled DeepConvNet is what Start then trains from scratch") {
    TrainingLab lab(load_pretrained_network());
    lab.change_settings(settings_for("deepconvnet"));  // before the data is loaded
    lab.ensure_ready(settings_for("deepconvnet"));
    REQUIRE(lab.showing_pretrained());
    CHECK(lab.spec().name == "deepconvnet");
    lab.reset(settings_for("deepconvnet"));
    CHECK_FALSE(lab.showing_pretrained());
    CHECK(lab.spec().name == "deepconvnet");
    CHECK(lab.shown()->total_batches == 0);
}
