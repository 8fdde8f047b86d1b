// The textures Network and Draw modes draw from: every layer's activations as tiles,
// each conv layer's filters and their gradients, the input as a picture and flattened.
// Uploaded only when the pictures (their version) or the snapshot change, never per frame.
#pragma once

#include <memory>
#include <vector>

#include "app/model/activation_tiles.hpp"
#include "app/widgets/tile_sheet.hpp"
#include "core/nn/training_session.hpp"

namespace convscope {

// ActivationTiles as textures.
class ActivationPictures {
  public:
    // Uploads the pictures whose version changed since the last call.
    void update(const ActivationTiles& tiles);
    const TileSheet& input() const { return input_; }
    const TileSheet& flattened_input() const { return flattened_input_; }
    // Index as NetworkActivations::layers.
    const TileSheet& layer(int index) const { return layers_[static_cast<std::size_t>(index)]; }
    int layer_count() const { return static_cast<int>(layers_.size()); }

  private:
    TileSheet input_;
    TileSheet flattened_input_;
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
    ActivationTiles activation_tiles_;
    ActivationPictures activations_;
    std::vector<TileSheet> filters_;
    std::vector<TileSheet> gradients_;
};

}  // namespace convscope
