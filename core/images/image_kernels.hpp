// The classic hand-made image kernels (setosa's "Image Kernels", CNN Explainer's first
// layer intuition) and applying any kernel to a picture: what a conv layer's filters do
// before anyone learns them.
//
// A kernel slides over each channel of an image on its own, with 'same' padding (zeros
// around the border, the output as large as the input), computed by the engine's
// ConvolutionLayer: the same code path the trained network uses.
#pragma once

#include <string>
#include <vector>

#include "core/tensor/tensor.hpp"

namespace convscope {

struct ImageKernel {
    std::string name;         // "sobel-x": a stable identifier for menus, CLI and tests
    std::string title;        // "Sobel x"
    std::string description;  // one sentence: what it responds to
    Tensor weights;           // (KH, KW)
    // True when a flat region gives 0 and the output has both signs (edge detectors):
    // show it on a diverging map. False when it keeps the image's brightness (blurs,
    // sharpen, emboss): show it clamped to [0, 1] like a photo.
    bool signed_output = false;
};

// identity, box-blur, gaussian-blur, sharpen, sobel-x, sobel-y, laplacian, emboss,
// outline; in that order.
const std::vector<ImageKernel>& classic_kernels();

// The classic kernel named `name`; InputError listing the names otherwise.
const ImageKernel& classic_kernel(const std::string& name);

// The largest side accepted for a custom kernel: larger ones are slow and teach nothing new.
constexpr int kMaxCustomKernelSide = 15;

// A user's kernel (KH, KW), checked: rank 2, sides 1..kMaxCustomKernelSide, every value
// finite. InputError naming the problem otherwise. Its output is treated as signed.
ImageKernel custom_kernel(const Tensor& weights);

// image (C, H, W) -> (C, H, W): `kernel` (KH, KW) cross-correlated with each channel,
// zero 'same' padding (for an even side the extra row/column of padding goes after,
// as PyTorch's padding='same').
Tensor apply_kernel(const Tensor& image, const Tensor& kernel);

}  // namespace convscope
