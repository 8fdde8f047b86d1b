#include "core/nn/network_spec.hpp"

#include <sstream>

#include "core/nn/activation_layers.hpp"
#include "core/nn/affine_layer.hpp"
#include "core/nn/conv_layer.hpp"
#include "core/nn/pool_layer.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// "2" when both axes agree, "2x1" otherwise.
std::string per_axis(int h, int w) {
    return h == w ? std::to_string(h) : std::to_string(h) + "x" + std::to_string(w);
}

std::string padding_text(const Options2d& options) {
    const std::string h = options.h.padding.text();
    const std::string w = options.w.padding.text();
    return h == w ? h : h + "x" + w;
}

std::string window_text(const LayerSpec& spec) {
    return std::to_string(spec.kernel_h) + "x" + std::to_string(spec.kernel_w) + " s" +
           per_axis(spec.options.h.stride, spec.options.w.stride) + " p" +
           padding_text(spec.options);
}

}  // namespace

LayerSpec LayerSpec::convolution(int filters, int kernel, int stride, Padding padding,
                                 int dilation) {
    LayerSpec spec;
    spec.kind = LayerKind::Convolution;
    spec.units = filters;
    spec.kernel_h = spec.kernel_w = kernel;
    spec.options = Options2d::uniform(stride, padding, dilation);
    return spec;
}

LayerSpec LayerSpec::max_pool(int window, int stride) {
    LayerSpec spec;
    spec.kind = LayerKind::MaxPool;
    spec.kernel_h = spec.kernel_w = window;
    spec.options = Options2d::uniform(stride, Padding::of(0));
    return spec;
}

LayerSpec LayerSpec::average_pool(int window, int stride) {
    LayerSpec spec = max_pool(window, stride);
    spec.kind = LayerKind::AveragePool;
    return spec;
}

LayerSpec LayerSpec::relu() {
    return LayerSpec{};
}

LayerSpec LayerSpec::flatten() {
    LayerSpec spec;
    spec.kind = LayerKind::Flatten;
    return spec;
}

LayerSpec LayerSpec::affine(int outputs) {
    LayerSpec spec;
    spec.kind = LayerKind::Affine;
    spec.units = outputs;
    return spec;
}

std::string LayerSpec::text() const {
    switch (kind) {
        case LayerKind::Convolution:
            return "conv " + std::to_string(units) + "@" + window_text(*this) + " d" +
                   per_axis(options.h.dilation, options.w.dilation);
        case LayerKind::MaxPool:
            return "maxpool " + window_text(*this);
        case LayerKind::AveragePool:
            return "avgpool " + window_text(*this);
        case LayerKind::Relu:
            return "relu";
        case LayerKind::Flatten:
            return "flatten";
        case LayerKind::Affine:
            return "affine " + std::to_string(units);
    }
    return "?";
}

std::string LayerSpec::short_text() const {
    std::istringstream words(text());
    std::string shown, word;
    while (words >> word) {
        if (word == "s1" || word == "p0" || word == "d1") continue;
        shown += (shown.empty() ? "" : " ") + word;
    }
    return shown;
}

std::string NetworkSpec::architecture() const {
    std::string text = "input " + input.text();
    for (const LayerSpec& layer : layers) text += " | " + layer.text();
    return text + " | softmax";
}

NetworkSpec simpleconvnet_spec() {
    return {
        "simpleconvnet",
        {1, 28, 28},
        {LayerSpec::convolution(30, 5), LayerSpec::relu(), LayerSpec::max_pool(2, 2),
         LayerSpec::flatten(), LayerSpec::affine(100), LayerSpec::relu(), LayerSpec::affine(10)}};
}

NetworkSpec lenet_spec() {
    // 1x28x28 -> 6x28x28 -> 6x14x14 -> 16x10x10 -> 16x5x5 -> 120 -> 10
    return {"lenet",
            {1, 28, 28},
            {LayerSpec::convolution(6, 5, 1, Padding::of(2)), LayerSpec::relu(),
             LayerSpec::max_pool(2, 2), LayerSpec::convolution(16, 5), LayerSpec::relu(),
             LayerSpec::max_pool(2, 2), LayerSpec::flatten(), LayerSpec::affine(120),
             LayerSpec::relu(), LayerSpec::affine(10)}};
}

NetworkSpec deepconvnet_spec() {
    // The book's DeepConvNet without dropout: six 3x3 convolutions, so the receptive
    // field grows 3, 5, 6, 10, 14, 16, 24, 32, 36 pixels layer by layer.
    // 1x28x28 -> 16x28x28 -> 16x14x14 -> 32x14x14 -> 32x16x16 -> 32x8x8 -> 64x8x8
    // -> 64x4x4 -> 50 -> 10
    const auto conv = [](int filters, int padding) {
        return LayerSpec::convolution(filters, 3, 1, Padding::of(padding));
    };
    return {
        "deepconvnet",
        {1, 28, 28},
        {conv(16, 1), LayerSpec::relu(), conv(16, 1), LayerSpec::relu(), LayerSpec::max_pool(2, 2),
         conv(32, 1), LayerSpec::relu(), conv(32, 2), LayerSpec::relu(), LayerSpec::max_pool(2, 2),
         conv(64, 1), LayerSpec::relu(), conv(64, 1), LayerSpec::relu(), LayerSpec::max_pool(2, 2),
         LayerSpec::flatten(), LayerSpec::affine(50), LayerSpec::relu(), LayerSpec::affine(10)}};
}

NetworkSpec fully_connected_spec() {
    NetworkSpec spec;
    spec.name = "fc";
    spec.input = {1, 28, 28};
    spec.layers.push_back(LayerSpec::flatten());
    for (int i = 0; i < 4; ++i) {
        spec.layers.push_back(LayerSpec::affine(100));
        spec.layers.push_back(LayerSpec::relu());
    }
    spec.layers.push_back(LayerSpec::affine(10));
    return spec;
}

std::vector<std::string> network_preset_names() {
    return {"simpleconvnet", "lenet", "deepconvnet"};
}

NetworkSpec network_preset(const std::string& name) {
    if (name == "simpleconvnet") return simpleconvnet_spec();
    if (name == "lenet") return lenet_spec();
    if (name == "deepconvnet") return deepconvnet_spec();
    std::string names;
    for (const std::string& known : network_preset_names())
        names += (names.empty() ? "" : ", ") + known;
    throw InputError(Message("unknown network '{name}': choose one of {names}",
                             {{"name", name}, {"names", names}}));
}

template <typename Real>
std::unique_ptr<Layer<Real>> make_layer(const LayerSpec& spec, Shape input) {
    switch (spec.kind) {
        case LayerKind::Convolution:
            return std::make_unique<ConvolutionLayer<Real>>(input, spec.units, spec.kernel_h,
                                                            spec.kernel_w, spec.options);
        case LayerKind::MaxPool:
        case LayerKind::AveragePool:
            return std::make_unique<PoolingLayer<Real>>(
                input, spec.kind == LayerKind::MaxPool ? PoolKind::Max : PoolKind::Average,
                spec.kernel_h, spec.kernel_w, spec.options);
        case LayerKind::Relu:
            return std::make_unique<ReluLayer<Real>>(input);
        case LayerKind::Flatten:
            return std::make_unique<FlattenLayer<Real>>(input);
        case LayerKind::Affine:
            return std::make_unique<AffineLayer<Real>>(input, spec.units);
    }
    CS_CHECK(false);
    return nullptr;
}

template std::unique_ptr<Layer<float>> make_layer<float>(const LayerSpec&, Shape);
template std::unique_ptr<Layer<double>> make_layer<double>(const LayerSpec&, Shape);

}  // namespace convscope
