// A network's numbers as tile pictures: every layer's activations of one image, each
// conv layer's filters. Plain RGB (TilePictures); the live modes upload them as textures.
#pragma once

#include <vector>

#include "app/model/tile_pictures.hpp"
#include "core/nn/conv_filters.hpp"
#include "core/nn/network_probe.hpp"

namespace convscope {

// How a layer's outputs are coloured: signed outputs (conv, affine) on the diverging
// map, activations after ReLU or pooling on the grey one (DESIGN "Screens").
ColourMap colour_map_for(LayerKind kind);

// One tile per (H, W) plane of `values` (planes x height x width of them).
std::vector<RgbImage> plane_tiles(const float* values, int planes, int height, int width,
                                  ColourMap map);

// A conv layer's filters (or their gradients: `values` in the weights' layout), one
// tile per (filter, channel) on the diverging map; none when `values` is empty.
std::vector<RgbImage> filter_tiles(const ConvFilters& layer, const std::vector<float>& values);

// Activations of one image as tiles. Spatial layers give one tile per channel; flatten
// and affine layers one strip tile (n x 1) of all their units.
class ActivationTiles {
  public:
    // An activation without an input image keeps the input pictures as they were.
    void build(const NetworkActivations& activations);

    const TilePictures& input() const { return input_; }
    const TilePictures& flattened_input() const { return flattened_input_; }
    // Index as NetworkActivations::layers.
    const TilePictures& layer(int index) const { return layers_[static_cast<std::size_t>(index)]; }
    int layer_count() const { return static_cast<int>(layers_.size()); }

  private:
    TilePictures input_;
    TilePictures flattened_input_;  // 784 x 1: the FC network's view (seed 2.1)
    std::vector<TilePictures> layers_;
};

}  // namespace convscope
