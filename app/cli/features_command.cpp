// `convscope features`: an image through a trained network's conv layers, every feature
// map written as a PNG plus one contact sheet per layer.
#include <cstdio>
#include <filesystem>

#include "app/assets/asset_paths.hpp"
#include "app/cli/argument_parser.hpp"
#include "app/cli/commands.hpp"
#include "core/formats/feature_map_files.hpp"
#include "core/formats/image_file.hpp"
#include "core/formats/nested_array.hpp"
#include "core/formats/npy_file.hpp"
#include "core/formats/png_rows.hpp"
#include "core/formats/weights_file.hpp"
#include "core/images/digit_canvas.hpp"
#include "core/nn/network.hpp"
#include "core/nn/network_probe.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kFeaturesHelp = R"(usage: convscope features --image FILE --out DIR [options]

Runs an image (PNG, JPEG, BMP or GIF; colour is turned into grey) through the
conv layers of a trained network and writes, for every conv layer:
  DIR/<layer>_<map>.png   each feature map (conv1_00.png, ...)
  DIR/<layer>_sheet.png   all of that layer's maps in one grid (maps larger
                          than 256 pixels shrunk to fit a tile)
and DIR/input.png, the grey image the network saw. Maps are the conv outputs
before ReLU, so they are signed: blue negative, white zero, red positive,
each map scaled by its own largest magnitude. With --npy the numbers too:
  DIR/<layer>.npy         the layer's maps, float32 (C, H, W) (conv1.npy, ...)
  DIR/input.npy           the grey image, float32 (1, H, W), values 0 to 1

Convolutions work at any size, so a photo keeps its resolution (up to
--max-side). The maps are computed a band of rows at a time and encoded on
two threads as they are done, so memory stays bounded at any size (--npy and
--json hold every map whole). The files appear together or not at all.

With --digit the image is treated as a handwritten digit instead: made white
on black if needed, scaled into a 20x20 box and centred by mass in 28x28 as
MNIST's digits are, then classified by the whole network.

options:
      --image FILE        the picture (required)
      --out DIR           where the PNGs go; created if missing (required)
      --weights FILE      a weights file (default: the pretrained SimpleConvNet,
                          assets/weights/simpleconvnet.weights)
      --max-side N        shrink larger pictures to at most N pixels per side
                          (box filter; default 256)
      --digit             preprocess as an MNIST digit and print the prediction
      --npy               also write every conv layer's maps as a NumPy file
      --json              print {"network", "prediction" (with --digit), "input",
                          "layers": {"conv1": (C, H, W) nested arrays, ...}}
                          instead of the text (large for photos)
  -h, --help              this text

example:
  convscope features --image assets/images/coffee.png --out coffee-features
  convscope features --digit --image my-digit.png --out digit --npy
)";

// Small maps (24x24 from a digit) are enlarged to about this many pixels per side.
constexpr int kTargetTileSide = 96;

// A digit photographed or scanned is dark ink on light paper; MNIST is the reverse.
// The border is almost all background, so its mean tells which case this is.
Tensor as_mnist_digit(const Tensor& grey) {
    const int height = grey.dim(1), width = grey.dim(2);
    double border = 0;
    int count = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (y == 0 || x == 0 || y == height - 1 || x == width - 1) {
                border += grey.data()[y * width + x];
                ++count;
            }
    std::vector<float> ink(grey.values());
    if (border / count > 0.5)
        for (float& v : ink) v = 1.0f - v;
    return mnist_preprocess(ink.data(), height, width);
}

// DIR/<layer>_<map>.png for every map, and DIR/<layer>_sheet.png with them all.
void write_map_pictures(StagedFolder& out, const LayerActivation& layer) {
    const int side = std::max(layer.shape.height, layer.shape.width);
    const int factor = std::max(1, kTargetTileSide / side);
    std::vector<RgbImage> tiles;
    for (int c = 0; c < layer.shape.channels; ++c) {
        tiles.push_back(scaled_nearest(
            render_map(layer.map(c), layer.shape.height, layer.shape.width, ColourMap::Diverging),
            factor));
        write_png(out.path(map_file_name(layer.name, c)), tiles.back());
    }
    write_png(out.path(layer.name + "_sheet.png"), contact_sheet(tiles));
}

}  // namespace

int run_features_command(const Arguments& raw) {
    const ParsedArguments args = parse_arguments(raw, {{"image", "", true},
                                                       {"out", "", true},
                                                       {"weights", "", true},
                                                       {"max-side", "", true},
                                                       {"digit", "", false},
                                                       {"npy", "", false},
                                                       {"json", "", false},
                                                       {"help", "h", false}});
    if (args.has("help")) {
        std::fputs(kFeaturesHelp, stdout);
        return 0;
    }
    const std::string image_path = args.required("image");
    const std::string out = args.required("out");
    const std::string weights_path =
        args.has("weights") ? *args.value("weights") : pretrained_weights_path();
    const int max_side = parse_int(args.value("max-side").value_or("256"), "--max-side", 8, 4096);

    const WeightsFile weights = read_weights(weights_path);
    const NetworkSpec spec = spec_for_architecture(weights.architecture, weights_path);
    Network<float> network(spec, 1);
    load_weights(weights_path, network);

    const bool json = args.has("json"), npy = args.has("npy");
    Tensor image = to_grey(load_image(image_path, ImageChannels::Grey));  // (1, H, W)
    std::string json_text = "{\"network\":\"" + spec.name + "\"";
    if (args.has("digit")) {
        image = as_mnist_digit(image);
        const NetworkActivations result = compute_activations(network, image.data());
        const Tensor probabilities({static_cast<int>(result.probabilities.size())},
                                   result.probabilities);
        json_text += ",\"prediction\":" + std::to_string(result.predicted_class) +
                     ",\"probabilities\":" + to_nested_array(probabilities);
        if (!json) {
            std::printf("prediction: %d\n", result.predicted_class);
            std::printf("probabilities:");
            for (float p : result.probabilities) std::printf(" %.3f", p);
            std::printf("\n");
        }
    } else {
        image = downscale_to_fit(image, max_side);
    }

    // Every file goes into a staging folder first: the set appears whole or not at all.
    StagedFolder folder(out);
    if (!json) {
        std::printf("%s, image %dx%d from %s\n", spec.name.c_str(), image.dim(2), image.dim(1),
                    image_path.c_str());
    }
    write_png_rows(folder.path("input.png"), render_image(image));
    if (!json && !npy) {
        // Bounded memory at any size: bands of rows, maps encoded as they are done.
        for (const WrittenLayer& layer :
             write_feature_map_files(spec, network.parameters(), image, folder)) {
            std::printf("%s: %d maps %dx%d -> %s/%s_*.png, sheet %s/%s_sheet.png\n",
                        layer.name.c_str(), layer.shape.channels, layer.shape.width,
                        layer.shape.height, out.c_str(), layer.name.c_str(), out.c_str(),
                        layer.name.c_str());
        }
        folder.commit();
        return 0;
    }
    // With the numbers: every layer's maps are held whole (they are written out whole).
    const std::vector<LayerActivation> features =
        convolutional_features(spec, network.parameters(), image);
    if (npy) write_npy(folder.path("input.npy"), image);
    if (json) json_text += ",\"input\":" + to_nested_array(image) + ",\"layers\":{";
    bool first = true;
    for (const LayerActivation& layer : features) {
        if (layer.kind != LayerKind::Convolution) continue;
        write_map_pictures(folder, layer);
        const Tensor maps({layer.shape.channels, layer.shape.height, layer.shape.width},
                          layer.values);
        const std::string npy_path = out + "/" + layer.name + ".npy";
        if (npy) write_npy(folder.path(layer.name + ".npy"), maps);
        if (json) json_text += (first ? "\"" : ",\"") + layer.name + "\":" + to_nested_array(maps);
        first = false;
        if (!json) {
            std::printf("%s: %d maps %dx%d -> %s/%s_*.png, sheet %s/%s_sheet.png%s\n",
                        layer.name.c_str(), layer.shape.channels, layer.shape.width,
                        layer.shape.height, out.c_str(), layer.name.c_str(), out.c_str(),
                        layer.name.c_str(), npy ? (", values " + npy_path).c_str() : "");
        }
    }
    folder.commit();
    if (json) std::printf("%s}}\n", json_text.c_str());
    return 0;
}

}  // namespace convscope
