// `convscope explain`: which pixels made a built-in network pick its class, as the input
// with a saliency or Grad-CAM heat map over it (core/nn/explanation.hpp).
#include <cstdio>
#include <stdexcept>
#include <string>

#include "app/assets/asset_paths.hpp"
#include "app/cli/argument_parser.hpp"
#include "app/cli/commands.hpp"
#include "core/formats/image_file.hpp"
#include "core/formats/weights_file.hpp"
#include "core/images/digit_input.hpp"
#include "core/nn/explanation.hpp"
#include "core/nn/network.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kExplainHelp =
    R"(usage: convscope explain --image FILE --method saliency|gradcam --out FILE.png
                        [--weights W] [--class K] [options]

Shows which pixels of an image the network's answer depends on. The image
(PNG, JPEG, BMP or GIF) is read as the network reads digits: grey, white ink
on black (a light picture is inverted), scaled into a 20x20 box and centred in
28x28. Then one backward pass of the class's score (its logit, before softmax):
  saliency  |d score / d pixel|: the pixels whose change moves the score most
  gradcam   Grad-CAM on the last conv block: its feature maps weighted by the
            mean gradient of the score over each map, summed, ReLU, resized
            to the input (where the evidence for the class sits)
FILE.png is the 28x28 input enlarged, with the heat map over it (dark red to
yellow-white: low to high, scaled to the map's largest value).

options:
      --image FILE        the picture (required)
      --method M          saliency or gradcam (required)
      --out FILE.png      where the picture goes (required; written whole)
      --weights W         a weights file, native or .safetensors (default: the
                          pretrained SimpleConvNet)
      --class K           explain class K's score instead of the predicted one
      --opacity A         how strongly the heat covers the input, 0 to 1
                          (default 0.7)
      --scale N           enlarge the 28x28 picture N times (default 10)
  -h, --help              this text

example:
  convscope explain --image my-seven.png --method gradcam --out seven-cam.png
)";

float parse_opacity(const std::string& text) {
    std::size_t used = 0;
    float value = -1;
    try {
        value = std::stof(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || !(value >= 0 && value <= 1))
        throw InputError("--opacity " + text + " is not a number from 0 to 1: try --opacity 0.7");
    return value;
}

}  // namespace

int run_explain_command(const Arguments& raw) {
    const ParsedArguments args = parse_arguments(raw, {{"image", "", true},
                                                       {"method", "", true},
                                                       {"out", "", true},
                                                       {"weights", "", true},
                                                       {"model", "", true},
                                                       {"class", "", true},
                                                       {"opacity", "", true},
                                                       {"scale", "", true},
                                                       {"help", "h", false}});
    if (args.has("help")) {
        std::fputs(kExplainHelp, stdout);
        return 0;
    }
    // The hook for imported models: an ONNX graph of core layers explains the same way
    // once core/onnx builds it; until then, say so instead of guessing.
    if (args.has("model")) {
        throw InputError("--model (ONNX) is not supported by explain in this build: use --weights");
    }
    const std::string image_path = args.required("image");
    const ExplainMethod method = explain_method_named(args.required("method"));
    const std::string out = args.required("out");
    const std::string weights_path =
        args.has("weights") ? *args.value("weights") : pretrained_weights_path();
    const int target = args.has("class") ? parse_int(*args.value("class"), "--class", 0, 9999) : -1;
    const int scale = parse_int(args.value("scale").value_or("10"), "--scale", 1, 64);
    const float opacity = parse_opacity(args.value("opacity").value_or("0.7"));

    const WeightsFile weights = read_weights(weights_path);
    const NetworkSpec spec = spec_for_architecture(weights.architecture, weights_path);
    const Tensor input =
        picture_as_mnist_digit(to_grey(load_image(image_path, ImageChannels::Grey)));
    const Explanation<float> result =
        explain(spec, weights.parameters.data(), input.data(), target);
    const std::vector<float> heat = explanation_heat(spec, result, method);
    write_png(out, heat_overlay(input, heat, opacity, scale));

    std::printf("%s: prediction %d, explained class %d (score %.3f), %s -> %s\n", spec.name.c_str(),
                result.predicted_class, result.target_class,
                result.logits[static_cast<std::size_t>(result.target_class)],
                method == ExplainMethod::Saliency ? "saliency" : "gradcam", out.c_str());
    return 0;
}

}  // namespace convscope
