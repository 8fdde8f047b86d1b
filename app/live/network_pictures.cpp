#include "app/live/network_pictures.hpp"

namespace convscope {

namespace {

using Filter = gl::ImageTexture::Filter;

// One tile per (H, W) plane of `values`.
std::vector<RgbImage> plane_tiles(const float* values, int planes, int height, int width,
                                  ColourMap map) {
    std::vector<RgbImage> tiles;
    tiles.reserve(static_cast<std::size_t>(planes));
    const std::size_t plane = static_cast<std::size_t>(height) * width;
    for (int i = 0; i < planes; ++i)
        tiles.push_back(render_map(values + i * plane, height, width, map));
    return tiles;
}

void build_filter_sheet(const ConvFilters& layer, const std::vector<float>& values,
                        TileSheet& sheet) {
    if (values.empty() || layer.shape.size() != 4) {
        sheet.build({}, Filter::Nearest);
        return;
    }
    const int planes = layer.shape[0] * layer.shape[1];
    sheet.build(
        plane_tiles(values.data(), planes, layer.shape[2], layer.shape[3], ColourMap::Diverging),
        Filter::Nearest);
}

}  // namespace

ColourMap colour_map_for(LayerKind kind) {
    return kind == LayerKind::Convolution || kind == LayerKind::Affine ? ColourMap::Diverging
                                                                       : ColourMap::Grey;
}

void ActivationPictures::build(const NetworkActivations& activations) {
    const Shape& in = activations.input_shape;
    if (!activations.input.empty()) {
        const Tensor image({in.channels, in.height, in.width}, activations.input);
        input_.build({render_image(image)}, Filter::Nearest);
        // Grey values as a photo shows them, one row of every pixel in reading order.
        const Tensor row({1, 1, static_cast<int>(activations.input.size())}, activations.input);
        flattened_input_.build({render_image(row)}, Filter::Nearest);
    }
    layers_.resize(activations.layers.size());
    for (std::size_t i = 0; i < activations.layers.size(); ++i) {
        const LayerActivation& layer = activations.layers[i];
        const ColourMap map = colour_map_for(layer.kind);
        if (layer.shape.height > 1 || layer.shape.width > 1) {
            layers_[i].build(plane_tiles(layer.values.data(), layer.shape.channels,
                                         layer.shape.height, layer.shape.width, map),
                             Filter::Nearest);
        } else {
            layers_[i].build(
                {render_map(layer.values.data(), 1, static_cast<int>(layer.values.size()), map)},
                Filter::Nearest);
        }
    }
}

void NetworkPictures::update(const std::shared_ptr<const TrainingSnapshot>& snapshot) {
    if (!snapshot || snapshot == built_) return;
    built_ = snapshot;
    activations_.build(snapshot->probe);
    filters_.resize(snapshot->conv_layers.size());
    gradients_.resize(snapshot->conv_layers.size());
    for (std::size_t i = 0; i < snapshot->conv_layers.size(); ++i) {
        const ConvFilters& layer = snapshot->conv_layers[i];
        build_filter_sheet(layer, layer.weights, filters_[i]);
        build_filter_sheet(layer, layer.gradients, gradients_[i]);
    }
}

}  // namespace convscope
