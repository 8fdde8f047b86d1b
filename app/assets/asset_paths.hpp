// Where the bundled assets (MNIST subset, pretrained weights, sample images, catalogues,
// icons) are: ../share/convscope/assets from the executable when installed, beside it or
// up to three folders up for a build or copied binary, else in the source tree the binary
// was built from (CONVSCOPE_ASSET_DIR), else under the working folder.
#pragma once

#include <string>

namespace convscope {

// The path of `relative` (e.g. "weights/simpleconvnet.weights") inside the first assets
// folder that has it, or "" when none does.
std::string find_asset(const std::string& relative);

// The pretrained SimpleConvNet (assets/weights/simpleconvnet.weights); InputError
// telling how to pass --weights when it is missing.
std::string pretrained_weights_path();

}  // namespace convscope
