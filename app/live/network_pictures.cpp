#include "app/live/network_pictures.hpp"

namespace convscope {

namespace {
using Filter = gl::ImageTexture::Filter;
}

void ActivationPictures::update(const ActivationTiles& tiles) {
    input_.update(tiles.input(), Filter::Nearest);
    flattened_input_.update(tiles.flattened_input(), Filter::Nearest);
    layers_.resize(static_cast<std::size_t>(tiles.layer_count()));
    for (int i = 0; i < tiles.layer_count(); ++i)
        layers_[static_cast<std::size_t>(i)].update(tiles.layer(i), Filter::Nearest);
}

void NetworkPictures::update(const std::shared_ptr<const TrainingSnapshot>& snapshot) {
    if (!snapshot || snapshot == built_) return;
    built_ = snapshot;
    activation_tiles_.build(snapshot->probe);
    activations_.update(activation_tiles_);
    filters_.resize(snapshot->conv_layers.size());
    gradients_.resize(snapshot->conv_layers.size());
    for (std::size_t i = 0; i < snapshot->conv_layers.size(); ++i) {
        const ConvFilters& layer = snapshot->conv_layers[i];
        filters_[i].build(filter_tiles(layer, layer.weights), Filter::Nearest);
        gradients_[i].build(filter_tiles(layer, layer.gradients), Filter::Nearest);
    }
}

}  // namespace convscope
