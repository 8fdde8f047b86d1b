// The pretrained SimpleConvNet in assets/weights (trained on the full MNIST set, 0.9903
// on its 10,000 test images, which are not in the repository): it loads, reaches 98% on
// the bundled 2,000-image test subset, and recognises digits drawn on the canvas after
// MNIST preprocessing (the path the Draw mode takes). The same for the bundled DeepConvNet
// (0.9939 on the full test set, 0.9920 on the subset).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <utility>

#include "core/formats/weights_file.hpp"
#include "core/images/digit_canvas.hpp"
#include "core/nn/network_probe.hpp"
#include "core/nn/trainer.hpp"

using namespace convscope;

namespace {

const std::string kAssets = CONVSCOPE_FIXTURE_DIR "/../../assets";
const std::string kPretrained = kAssets + "/weights/simpleconvnet.weights";
const std::string kDeep = kAssets + "/weights/deepconvnet.weights";

int classify(const Network<float>& network, const DigitCanvas& canvas) {
    const Tensor digit = mnist_preprocess(canvas);
    const NetworkActivations result = compute_activations(network, digit.data());
    std::string text;
    for (float p : result.probabilities) text += " " + std::to_string(p).substr(0, 5);
    MESSAGE("probabilities of 0..9:" << text);
    return result.predicted_class;
}

}  // namespace

TEST_CASE("the pretrained SimpleConvNet reaches 98 percent on the bundled test subset") {
    const WeightsFile file = read_weights(kPretrained);
    const NetworkSpec spec = spec_for_architecture(file.architecture, kPretrained);
    CHECK(spec.name == "simpleconvnet");
    Network<float> network(spec, 500, 2);
    load_weights(kPretrained, network);
    const double accuracy = evaluate_accuracy(network, load_mnist(kAssets + "/mnist").test);
    MESSAGE("bundled test accuracy " << accuracy);
    CHECK(accuracy >= 0.98);
}

TEST_CASE("the pretrained DeepConvNet reaches 98.5 percent on the bundled test subset") {
    const WeightsFile file = read_weights(kDeep);
    const NetworkSpec spec = spec_for_architecture(file.architecture, kDeep);
    CHECK(spec.name == "deepconvnet");
    Network<float> network(spec, 500, 2);
    load_weights(kDeep, network);
    const double accuracy = evaluate_accuracy(network, load_mnist(kAssets + "/mnist").test);
    MESSAGE("bundled test accuracy " << accuracy);
    CHECK(accuracy >= 0.985);
}

TEST_CASE("the pretrained networks read digits drawn on the canvas") {
    for (const auto& [spec, path] :
         {std::pair{simpleconvnet_spec(), kPretrained}, std::pair{deepconvnet_spec(), kDeep}}) {
        CAPTURE(spec.name);
        Network<float> network(spec, 1);
        load_weights(path, network);

        DigitCanvas one;
        one.stroke(150, 40, 130, 240);
        CHECK(classify(network, one) == 1);

        DigitCanvas seven;
        seven.stroke(70, 50, 210, 50);
        seven.stroke(210, 50, 120, 240);
        CHECK(classify(network, seven) == 7);

        DigitCanvas zero;  // an ellipse of short segments
        for (int i = 0; i < 32; ++i) {
            const double a = i * 2 * 3.14159265 / 32, b = (i + 1) * 2 * 3.14159265 / 32;
            zero.stroke(float(140 + 60 * std::cos(a)), float(140 + 95 * std::sin(a)),
                        float(140 + 60 * std::cos(b)), float(140 + 95 * std::sin(b)));
        }
        CHECK(classify(network, zero) == 0);
    }
}
