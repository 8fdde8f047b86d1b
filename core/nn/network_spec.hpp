// What a sequential network is made of, as plain values: the input shape and one
// LayerSpec per layer, ending in softmax with cross-entropy. The architecture text
// names it in weights files; the presets are the chapter's networks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/nn/layer.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

enum class LayerKind { Convolution, MaxPool, AveragePool, Relu, Flatten, Affine };

struct LayerSpec {
    LayerKind kind = LayerKind::Relu;
    int units = 0;  // filters of a convolution, outputs of an affine layer
    int kernel_h = 0;
    int kernel_w = 0;
    Options2d options;  // stride, padding, dilation of a convolution or pool

    static LayerSpec convolution(int filters, int kernel, int stride = 1,
                                 Padding padding = Padding::of(0), int dilation = 1);
    static LayerSpec max_pool(int window, int stride);
    static LayerSpec average_pool(int window, int stride);
    static LayerSpec relu();
    static LayerSpec flatten();
    static LayerSpec affine(int outputs);

    // "conv 30@5x5 s1 p0 d1", "maxpool 2x2 s2 p0", "relu", "flatten", "affine 100"
    std::string text() const;
    // text() without the settings at their defaults (s1, p0, d1): "conv 30@5x5",
    // "maxpool 2x2 s2".
    std::string short_text() const;
};

struct NetworkSpec {
    std::string name;  // "simpleconvnet", or empty for a custom network
    Shape input{1, 28, 28};
    std::vector<LayerSpec> layers;

    // "input 1x28x28 | conv 30@5x5 s1 p0 d1 | relu | ... | affine 10 | softmax"
    std::string architecture() const;
};

// The chapter's SimpleConvNet: conv 30@5x5 s1 p0, ReLU, maxpool 2x2 s2, affine 100,
// ReLU, affine 10.
NetworkSpec simpleconvnet_spec();
// Two conv-ReLU-pool stages, then two affine layers: deep enough for receptive fields.
NetworkSpec lenet_spec();
// The book's DeepConvNet (without its dropout): three blocks of two conv 3x3 (16, 32,
// 64 filters) with ReLU and a max pool each, affine 50, ReLU, affine 10.
NetworkSpec deepconvnet_spec();

// Seed section 1's fully connected network: the 1x28x28 input flattened to 784 values,
// Affine-ReLU x4 (100 units each), Affine 10, Softmax. Shown beside the CNN, never
// trained, so not among the presets.
NetworkSpec fully_connected_spec();

std::vector<std::string> network_preset_names();
// A preset by name; InputError listing the names otherwise.
NetworkSpec network_preset(const std::string& name);

template <typename Real>
std::unique_ptr<Layer<Real>> make_layer(const LayerSpec& spec, Shape input);

}  // namespace convscope
