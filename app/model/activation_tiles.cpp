#include "app/model/activation_tiles.hpp"

namespace convscope {

ColourMap colour_map_for(LayerKind kind) {
    return kind == LayerKind::Convolution || kind == LayerKind::Affine ? ColourMap::Diverging
                                                                       : ColourMap::Grey;
}

std::vector<RgbImage> plane_tiles(const float* values, int planes, int height, int width,
                                  ColourMap map) {
    std::vector<RgbImage> tiles;
    tiles.reserve(static_cast<std::size_t>(planes));
    const std::size_t plane = static_cast<std::size_t>(height) * width;
    for (int i = 0; i < planes; ++i)
        tiles.push_back(render_map(values + i * plane, height, width, map));
    return tiles;
}

std::vector<RgbImage> filter_tiles(const ConvFilters& layer, const std::vector<float>& values) {
    if (values.empty() || layer.slice_count() == 0) return {};
    return plane_tiles(values.data(), layer.slice_count(), layer.shape[2], layer.shape[3],
                       ColourMap::Diverging);
}

void ActivationTiles::build(const NetworkActivations& activations) {
    const Shape& in = activations.input_shape;
    if (!activations.input.empty()) {
        const Tensor image({in.channels, in.height, in.width}, activations.input);
        input_.set({render_image(image)});
        // Grey values as a photo shows them, one row of every pixel in reading order.
        const Tensor row({1, 1, static_cast<int>(activations.input.size())}, activations.input);
        flattened_input_.set({render_image(row)});
    }
    layers_.resize(activations.layers.size());
    for (std::size_t i = 0; i < activations.layers.size(); ++i) {
        const LayerActivation& layer = activations.layers[i];
        const ColourMap map = colour_map_for(layer.kind);
        if (layer.is_grid()) {
            layers_[i].set(plane_tiles(layer.values.data(), layer.shape.channels,
                                       layer.shape.height, layer.shape.width, map));
        } else {
            layers_[i].set(
                {render_map(layer.values.data(), 1, static_cast<int>(layer.values.size()), map)});
        }
    }
}

}  // namespace convscope
