// `convscope eval`: the test accuracy of a saved weights file.
#include <cstdio>

#include "app/assets/asset_paths.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/mnist_options.hpp"
#include "core/formats/mnist_idx.hpp"
#include "core/formats/weights_file.hpp"
#include "core/nn/network.hpp"
#include "core/nn/trainer.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kEvalHelp = R"(usage: convscope eval [--weights FILE] [options]

Loads weights saved by `convscope train --out FILE` (the file names its
architecture) and prints `test accuracy: 0.XXXX` on the MNIST test set.

options:
      --weights FILE      the weights file (default: the pretrained SimpleConvNet,
                          assets/weights/simpleconvnet.weights)
      --data DIR          folder with the four MNIST IDX files, raw or .gz
                          (default: the bundled subset, assets/mnist)
      --threads T         threads across the batch (default: all cores)
  -h, --help              this text
)";

}  // namespace

int run_eval_command(const Arguments& raw) {
    const ParsedArguments args = parse_arguments(
        raw,
        {{"weights", "", true}, {"data", "", true}, {"threads", "", true}, {"help", "h", false}});
    if (args.has("help")) {
        std::fputs(kEvalHelp, stdout);
        return 0;
    }
    const std::string path =
        args.has("weights") ? *args.value("weights") : pretrained_weights_path();
    const WeightsFile file = read_weights(path);
    const NetworkSpec spec = spec_for_architecture(file.architecture, path);
    const MnistData data = load_mnist(mnist_folder_option(args));
    Network<float> network(spec, 500, threads_option(args));
    load_weights(path, network);
    std::printf("%s, %d test images from %s\n", spec.name.c_str(), data.test.count,
                data.folder.c_str());
    std::printf("test accuracy: %.4f\n", evaluate_accuracy(network, data.test));
    return 0;
}

}  // namespace convscope
