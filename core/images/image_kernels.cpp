#include "core/images/image_kernels.hpp"

#include <cmath>

#include "core/nn/conv_layer.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

ImageKernel make_kernel(const char* name, const char* title, const char* description, int side,
                        std::vector<float> weights, float scale, bool signed_output) {
    for (float& w : weights) w *= scale;
    return {name, title, description, Tensor({side, side}, std::move(weights)), signed_output};
}

std::vector<ImageKernel> build_classic_kernels() {
    return {
        make_kernel("identity", "Identity",
                    "Copies each pixel: the centre weight is 1, the rest 0.", 3,
                    {0, 0, 0, 0, 1, 0, 0, 0, 0}, 1.0f, false),
        make_kernel("box-blur", "Box blur",
                    "The mean of the 3x3 neighbourhood: every weight is 1/9, so detail smears "
                    "evenly.",
                    3, {1, 1, 1, 1, 1, 1, 1, 1, 1}, 1.0f / 9, false),
        make_kernel(
            "gaussian-blur", "Gaussian blur",
            "A weighted mean that trusts near pixels more (binomial 1 4 6 4 1, about a "
            "Gaussian with sigma 1): a softer blur without the box's blockiness.",
            5, {1, 4, 6, 4, 1, 4, 16, 24, 16, 4, 6, 24, 36, 24, 6, 4, 16, 24, 16, 4, 1, 4, 6, 4, 1},
            1.0f / 256, false),
        make_kernel("sharpen", "Sharpen",
                    "The pixel plus its difference from its four neighbours: edges get steeper, "
                    "flat areas stay the same.",
                    3, {0, -1, 0, -1, 5, -1, 0, -1, 0}, 1.0f, false),
        make_kernel("sobel-x", "Sobel x",
                    "Right minus left, smoothed vertically: responds to vertical edges, positive "
                    "where it gets brighter to the right.",
                    3, {-1, 0, 1, -2, 0, 2, -1, 0, 1}, 1.0f, true),
        make_kernel("sobel-y", "Sobel y",
                    "Below minus above, smoothed horizontally: responds to horizontal edges, "
                    "positive where it gets brighter downwards.",
                    3, {-1, -2, -1, 0, 0, 0, 1, 2, 1}, 1.0f, true),
        make_kernel("laplacian", "Laplacian",
                    "Four neighbours minus four times the centre: zero on flat areas and even "
                    "on steady gradients, large on thin lines and corners.",
                    3, {0, 1, 0, 1, -4, 1, 0, 1, 0}, 1.0f, true),
        make_kernel("emboss", "Emboss",
                    "Bottom-right minus top-left plus the pixel itself: edges look raised, lit "
                    "from the top left.",
                    3, {-2, -1, 0, -1, 1, 1, 0, 1, 2}, 1.0f, false),
        make_kernel("outline", "Outline",
                    "Eight times the pixel minus its eight neighbours: only the outlines of "
                    "shapes remain.",
                    3, {-1, -1, -1, -1, 8, -1, -1, -1, -1}, 1.0f, true),
    };
}

}  // namespace

const std::vector<ImageKernel>& classic_kernels() {
    static const std::vector<ImageKernel> kernels = build_classic_kernels();
    return kernels;
}

const ImageKernel& classic_kernel(const std::string& name) {
    std::string names;
    for (const ImageKernel& kernel : classic_kernels()) {
        if (kernel.name == name) return kernel;
        names += (names.empty() ? "" : ", ") + kernel.name;
    }
    throw InputError("unknown kernel '" + name + "': choose one of " + names);
}

ImageKernel custom_kernel(const Tensor& weights) {
    if (weights.rank() != 2) {
        throw InputError("a custom kernel must be a 2-D grid (KH, KW), got shape " +
                         shape_text(weights.shape()));
    }
    for (int axis = 0; axis < 2; ++axis) {
        if (weights.dim(axis) < 1 || weights.dim(axis) > kMaxCustomKernelSide) {
            throw InputError(
                "a custom kernel may be at most " + std::to_string(kMaxCustomKernelSide) + "x" +
                std::to_string(kMaxCustomKernelSide) + ", got " + shape_text(weights.shape()));
        }
    }
    for (float w : weights.values())
        if (!std::isfinite(w)) throw InputError("a custom kernel's weights must be finite numbers");
    return {"custom", "Custom", "Your own weights.", weights, true};
}

Tensor apply_kernel(const Tensor& image, const Tensor& kernel) {
    CS_CHECK(image.rank() == 3 && kernel.rank() == 2);
    const int channels = image.dim(0), height = image.dim(1), width = image.dim(2);
    // One single-channel filter; the image's channels become the batch, so every channel
    // is filtered on its own by the same weights.
    ConvolutionLayer<float> layer({1, height, width}, 1, kernel.dim(0), kernel.dim(1),
                                  Options2d::uniform(1, Padding{Padding::Mode::Same, 0}));
    std::vector<float> parameters(kernel.values());
    parameters.push_back(0.0f);  // bias
    std::vector<float> unused_gradients(parameters.size());
    layer.bind(parameters.data(), unused_gradients.data());
    Tensor output({channels, height, width});
    layer.forward(image.data(), output.data(), channels);
    return output;
}

}  // namespace convscope
