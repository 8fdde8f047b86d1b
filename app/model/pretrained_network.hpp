// The pretrained SimpleConvNet in assets/weights (issue 5 section 7), loaded once and
// shared by every live mode, so kernels, feature maps, photos and drawn digits work
// before anyone trains.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/nn/network_spec.hpp"
#include "core/nn/training_session.hpp"

namespace convscope {

struct PretrainedNetwork {
    NetworkSpec spec;
    std::vector<float> parameters;  // laid out as Network<float> lays them out
    std::string path;
};

// InputError when the file is missing, corrupt or for an unknown architecture.
std::shared_ptr<const PretrainedNetwork> load_pretrained_network();
// The bundled weights of preset `name` (assets/weights/NAME.weights), so Network mode
// shows e.g. the pretrained DeepConvNet when it is picked; null when none is bundled
// or the file is broken (the mode then trains that network from scratch).
std::shared_ptr<const PretrainedNetwork> load_bundled_network(const std::string& name);

// A snapshot of the pretrained network as the training panel would show a paused
// session: its kernels and the probe image's activations, empty curves.
std::shared_ptr<const TrainingSnapshot> pretrained_snapshot(const PretrainedNetwork& network,
                                                            const std::vector<float>& probe_image);

}  // namespace convscope
