#include "core/nn/network_probe.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/nn/conv_layer.hpp"
#include "core/nn/pool_layer.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kind_prefix(LayerKind kind) {
    switch (kind) {
        case LayerKind::Convolution:
            return "conv";
        case LayerKind::MaxPool:
            return "maxpool";
        case LayerKind::AveragePool:
            return "avgpool";
        case LayerKind::Relu:
            return "relu";
        case LayerKind::Flatten:
            return "flatten";
        case LayerKind::Affine:
            return "affine";
    }
    return "layer";
}

bool is_classifier_layer(LayerKind kind) {
    return kind == LayerKind::Flatten || kind == LayerKind::Affine;
}

// The geometry of a conv or pool layer; null for the element-wise ones.
const ConvGeometry* geometry_of(const Layer<float>& layer) {
    if (auto conv = dynamic_cast<const ConvolutionLayer<float>*>(&layer)) return &conv->geometry();
    if (auto pool = dynamic_cast<const PoolingLayer<float>*>(&layer)) return &pool->geometry();
    return nullptr;
}

// The layers of `spec` for images of shape `input`.
std::vector<std::unique_ptr<Layer<float>>> build_layers(const NetworkSpec& spec, Shape input) {
    std::vector<std::unique_ptr<Layer<float>>> layers;
    Shape shape = input;
    for (const LayerSpec& layer_spec : spec.layers) {
        layers.push_back(make_layer<float>(layer_spec, shape));
        shape = layers.back()->output_shape();
    }
    return layers;
}

}  // namespace

// ---- naming and summaries -----------------------------------------------------------

std::string layer_name(const NetworkSpec& spec, int layer) {
    CS_CHECK(layer >= 0 && layer < static_cast<int>(spec.layers.size()));
    const LayerKind kind = spec.layers[layer].kind;
    int number = 0;
    for (int i = 0; i <= layer; ++i)
        if (spec.layers[i].kind == kind) ++number;
    return kind_prefix(kind) + std::to_string(number);
}

std::vector<LayerSummary> layer_summaries(const NetworkSpec& spec) {
    const auto layers = build_layers(spec, spec.input);
    std::vector<LayerSummary> rows;
    bool spatial = true;
    for (int i = 0; i < static_cast<int>(layers.size()); ++i) {
        const LayerSpec& layer_spec = spec.layers[i];
        spatial = spatial && !is_classifier_layer(layer_spec.kind);
        rows.push_back({i, layer_name(spec, i), layer_spec.text(), layer_spec.short_text(),
                        layer_spec.kind, layers[i]->output_shape(), layers[i]->parameter_count(),
                        spatial});
    }
    return rows;
}

std::size_t total_parameters(const std::vector<LayerSummary>& rows) {
    std::size_t total = 0;
    for (const LayerSummary& row : rows) total += row.parameters;
    return total;
}

int layers_of_kind(const std::vector<LayerSummary>& rows, LayerKind kind) {
    return static_cast<int>(std::count_if(
        rows.begin(), rows.end(), [kind](const LayerSummary& row) { return row.kind == kind; }));
}

// ---- activations of one image -------------------------------------------------------

ActivationProbe::ActivationProbe(NetworkSpec spec) : ActivationProbe(spec, spec.input) {}

ActivationProbe::ActivationProbe(NetworkSpec spec, Shape input) : spec_(std::move(spec)) {
    spec_.input = input;
    layers_ = build_layers(spec_, input);
    for (auto& layer : layers_) {
        offsets_.push_back(parameter_count_);
        parameter_count_ += layer->parameter_count();
        layer->reserve(1);
    }
    unused_gradients_.assign(parameter_count_, 0.0f);
}

ActivationProbe::~ActivationProbe() = default;

Shape ActivationProbe::input_shape() const {
    return spec_.input;
}

NetworkActivations ActivationProbe::run(const float* parameters, const float* image) {
    NetworkActivations result;
    result.input_shape = spec_.input;
    result.input.assign(image, image + spec_.input.size());
    const float* input = result.input.data();
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        Layer<float>& layer = *layers_[i];
        // Bound on every run: the caller's buffer may have moved since the last one.
        layer.bind(parameters + offsets_[i], unused_gradients_.data() + offsets_[i]);
        LayerActivation activation;
        activation.layer = static_cast<int>(i);
        activation.name = layer_name(spec_, static_cast<int>(i));
        activation.kind = spec_.layers[i].kind;
        activation.shape = layer.output_shape();
        activation.values.resize(static_cast<std::size_t>(activation.shape.size()));
        layer.forward(input, activation.values.data(), 1);
        result.layers.push_back(std::move(activation));
        input = result.layers.back().values.data();
    }
    const LayerActivation& last = result.layers.back();
    if (last.kind == LayerKind::Affine) {
        // Softmax, shifted by the largest score so exp() cannot overflow.
        const float largest = *std::max_element(last.values.begin(), last.values.end());
        double total = 0;
        for (float score : last.values) total += std::exp(double(score) - largest);
        for (float score : last.values)
            result.probabilities.push_back(
                static_cast<float>(std::exp(double(score) - largest) / total));
        result.predicted_class = static_cast<int>(
            std::max_element(last.values.begin(), last.values.end()) - last.values.begin());
    }
    return result;
}

NetworkActivations compute_activations(const Network<float>& network, const float* image) {
    ActivationProbe probe(network.spec());
    CS_CHECK(probe.parameter_count() == network.parameter_count());
    return probe.run(network.parameters(), image);
}

// ---- features at any image size -----------------------------------------------------

std::vector<LayerActivation> convolutional_features(const NetworkSpec& spec,
                                                    const float* parameters, const Tensor& image) {
    CS_CHECK(image.rank() == 3);
    if (image.dim(0) != spec.input.channels) {
        throw InputError("the network reads " + std::to_string(spec.input.channels) +
                         "-channel images, this one has " + std::to_string(image.dim(0)));
    }
    NetworkSpec convolutional = spec;
    const auto first_classifier =
        std::find_if(spec.layers.begin(), spec.layers.end(),
                     [](const LayerSpec& layer) { return is_classifier_layer(layer.kind); });
    convolutional.layers.assign(spec.layers.begin(), first_classifier);
    if (convolutional.layers.empty()) return {};
    // Layer names count from the full spec's start, and the prefix's names match.
    ActivationProbe probe(convolutional, {image.dim(0), image.dim(1), image.dim(2)});
    return probe.run(parameters, image.data()).layers;
}

// ---- receptive fields ---------------------------------------------------------------

std::vector<ConvGeometry> spatial_geometries(const NetworkSpec& spec, int layer) {
    CS_CHECK(layer >= 0 && layer < static_cast<int>(spec.layers.size()));
    const auto layers = build_layers(spec, spec.input);
    std::vector<ConvGeometry> geometries;
    for (int i = 0; i <= layer; ++i)
        if (const ConvGeometry* geometry = geometry_of(*layers[i])) geometries.push_back(*geometry);
    return geometries;
}

bool channel_in_receptive_field(const NetworkSpec& spec, int unit_layer, int unit_channel,
                                int layer, int channel) {
    CS_CHECK(unit_layer < static_cast<int>(spec.layers.size()) && layer >= -1 &&
             layer <= unit_layer);
    for (int l = unit_layer; l > layer; --l) {
        const LayerKind kind = spec.layers[static_cast<std::size_t>(l)].kind;
        if (kind == LayerKind::Convolution || kind == LayerKind::Affine) return true;
    }
    return channel == unit_channel;
}

std::vector<LayerField> unit_receptive_field(const NetworkSpec& spec, int layer, int y, int x) {
    if (layer < 0 || layer >= static_cast<int>(spec.layers.size()))
        throw InputError("layer " + std::to_string(layer) + " does not exist");
    for (int i = 0; i <= layer; ++i) {
        if (is_classifier_layer(spec.layers[i].kind)) {
            throw InputError(layer_name(spec, layer) +
                             " is past the flatten layer: each of its units sees the whole image");
        }
    }
    const auto layers = build_layers(spec, spec.input);
    const Shape output = layers[layer]->output_shape();
    if (y < 0 || y >= output.height || x < 0 || x >= output.width) {
        throw InputError("unit (" + std::to_string(y) + ", " + std::to_string(x) + ") is outside " +
                         layer_name(spec, layer) + "'s " + std::to_string(output.height) + "x" +
                         std::to_string(output.width) + " maps");
    }
    std::vector<int> geometry_layers;  // spec index of each conv or pool layer
    std::vector<ConvGeometry> geometries;
    for (int i = 0; i <= layer; ++i) {
        if (const ConvGeometry* geometry = geometry_of(*layers[i])) {
            geometry_layers.push_back(i);
            geometries.push_back(*geometry);
        }
    }
    std::vector<LayerField> fields;
    if (geometries.empty()) {
        // Only element-wise layers: every map is the input's grid, one cell each.
        FieldRegion unit{{y, y}, {x, x}, {y, y}, {x, x}};
        for (int i = -1; i <= layer; ++i) fields.push_back({i, unit});
        return fields;
    }
    const std::vector<FieldRegion> regions = receptive_field(geometries, y, x);
    // regions[k] lies on the input of geometry layer k, which is the output of every
    // layer since the previous geometry layer (element-wise layers keep the grid); the
    // last region is the unit itself.
    for (int i = -1; i <= layer; ++i) {
        std::size_t k = 0;
        while (k < geometry_layers.size() && geometry_layers[k] <= i) ++k;
        fields.push_back({i, regions[k]});
    }
    return fields;
}

}  // namespace convscope
