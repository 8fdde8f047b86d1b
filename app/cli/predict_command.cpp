// `convscope predict --model m.onnx --image FILE`: an imported model's output for a picture.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <numeric>

#include "app/cli/argument_parser.hpp"
#include "app/cli/commands.hpp"
#include "core/formats/image_file.hpp"
#include "core/onnx/onnx_import.hpp"
#include "core/onnx/onnx_input.hpp"
#include "core/onnx/onnx_runner.hpp"

namespace convscope {

namespace {

const char* kPredictHelp = R"(usage: convscope predict --model FILE.onnx --image FILE [options]

Runs a picture (PNG, JPEG, BMP or GIF) through an ONNX model and prints its
output vector and the top classes. The picture is converted to the model's
channels (grey for 1, RGB for 3) and resized to its H x W (box filter), then
scaled to pixels / 255 and normalised per channel: (x - mean) / std.
"probability" is the softmax of the output (the output itself when the model
ends in a Softmax).

options:
      --model FILE        the .onnx file (required)
      --image FILE        the picture (required)
      --mean M[,M,M]      per-channel mean to subtract after / 255 (default 0)
      --std S[,S,S]       per-channel standard deviation to divide by (default 1)
      --top K             how many classes to list (default 5)
      --json              print {"model", "image", "input", "output",
                          "top": [{"class", "score", "probability"}]}
  -h, --help              this text

example:
  convscope predict --model net.onnx --image cat.png --mean 0.485,0.456,0.406 \
      --std 0.229,0.224,0.225
)";

std::vector<float> probabilities(const OnnxModel& model, const std::vector<float>& output) {
    if (model.layers[model.output_layer].kind == OnnxOp::Softmax) return output;
    const float largest = *std::max_element(output.begin(), output.end());
    std::vector<float> p(output.size());
    double sum = 0;
    for (std::size_t i = 0; i < p.size(); ++i) sum += p[i] = std::exp(output[i] - largest);
    for (float& v : p) v = static_cast<float>(v / sum);
    return p;
}

}  // namespace

int run_predict_command(const Arguments& raw) {
    const ParsedArguments args = parse_arguments(raw, {{"model", "", true},
                                                       {"image", "", true},
                                                       {"mean", "", true},
                                                       {"std", "", true},
                                                       {"top", "", true},
                                                       {"json", "", false},
                                                       {"help", "h", false}});
    if (args.has("help")) {
        std::fputs(kPredictHelp, stdout);
        return 0;
    }
    const std::string model_path = args.required("model"), image_path = args.required("image");
    OnnxRunner runner(load_onnx(model_path), 1);
    const OnnxModel& model = runner.model();
    InputScaling scaling;
    if (auto mean = args.value("mean"))
        scaling.mean = parse_channel_values(*mean, model.input.channels, "--mean", false);
    if (auto deviation = args.value("std"))
        scaling.std = parse_channel_values(*deviation, model.input.channels, "--std", true);
    const int top = args.has("top") ? parse_int(*args.value("top"), "--top", 1, 1000) : 5;
    const Tensor image = load_image(image_path);
    const std::vector<float> input = model_input(image, model.input, scaling);
    std::vector<float> output(model.output().size());
    runner.forward(input.data(), 1, output.data());

    const std::vector<float> p = probabilities(model, output);
    std::vector<int> order(output.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return output[a] > output[b]; });
    order.resize(std::min<std::size_t>(order.size(), static_cast<std::size_t>(top)));
    if (args.has("json")) {
        nlohmann::ordered_json out;
        out["model"] = model_path;
        out["image"] = image_path;
        out["input"] = {model.input.channels, model.input.height, model.input.width};
        out["output"] = output;
        out["top"] = nlohmann::ordered_json::array();
        for (int c : order)
            out["top"].push_back({{"class", c}, {"score", output[c]}, {"probability", p[c]}});
        std::printf("%s\n", out.dump(2).c_str());
        return 0;
    }
    std::printf("%s on %s (%dx%d picture as %s)\n", model_path.c_str(), image_path.c_str(),
                image.dim(2), image.dim(1), model.input.text().c_str());
    std::printf("top classes:\n");
    for (int c : order) std::printf("  %4d  score %10.5f  probability %.4f\n", c, output[c], p[c]);
    std::printf("output:");
    for (float v : output) std::printf(" %.6g", v);
    std::printf("\n");
    return 0;
}

}  // namespace convscope
