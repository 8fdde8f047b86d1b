// The textures Network and Draw modes draw from: every layer's activations as tiles,
// each conv layer's filters and their gradients, the input as a picture and flattened.
// Rebuilt only when the activations or the snapshot change (a new version), never per frame.
#pragma once

#include <memory>
#include <vector>

#include "app/widgets/tile_sheet.hpp"
#include "core/nn/network_probe.hpp"
#include "core/nn/training_session.hpp"

namespace convscope {

// How a layer's outputs are coloured: signed outputs (conv, affine) on the diverging
// map, activations after ReLU or pooling on the grey one (DESIGN "Screens").
ColourMap colour_map_for(LayerKind kind);

// Activations of one image: tile sheets per layer. Spatial layers give one tile per
// channel; flatten and affine layers one strip tile (n x 1) of all their units.
class ActivationPictures {
  public:
    void build(const NetworkActivations& activations);
    const TileSheet& input() const { return input_; }
    const TileSheet& flattened_input() const { return flattened_input_; }
    // Index as NetworkActivations::layers.
    const TileSheet& layer(int index) const { return layers_[static_cast<std::size_t>(index)]; }
    int layer_count() const { return static_cast<int>(layers_.size()); }

  private:
    TileSheet input_;
    TileSheet flattened_input_;  // 784 x 1: the FC network's view (seed 2.1)
    std::vector<TileSheet> layers_;
};

class NetworkPictures {
  public:
    // Rebuilds when `snapshot` is not the one last built.
    void update(const std::shared_ptr<const TrainingSnapshot>& snapshot);

    const ActivationPictures& activations() const { return activations_; }
    // Index as TrainingSnapshot::conv_layers; tiles in (F, C) order.
    const TileSheet& filters(int conv) const { return filters_[static_cast<std::size_t>(conv)]; }
    const TileSheet& gradients(int conv) const {
        return gradients_[static_cast<std::size_t>(conv)];
    }

  private:
    std::shared_ptr<const TrainingSnapshot> built_;  // held, so its address cannot be reused
    ActivationPictures activations_;
    std::vector<TileSheet> filters_;
    std::vector<TileSheet> gradients_;
};

}  // namespace convscope
