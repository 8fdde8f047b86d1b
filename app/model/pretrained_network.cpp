#include "app/model/pretrained_network.hpp"

#include "app/assets/asset_paths.hpp"
#include "app/model/translate.hpp"
#include "core/formats/weights_file.hpp"
#include "core/nn/network.hpp"
#include "core/nn/network_probe.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

std::shared_ptr<const PretrainedNetwork> load_pretrained_network() {
    auto network = std::make_shared<PretrainedNetwork>();
    network->path = pretrained_weights_path();
    WeightsFile file = read_weights(network->path);
    network->spec = spec_for_architecture(file.architecture, network->path);
    network->parameters = std::move(file.parameters);
    return network;
}

std::shared_ptr<const PretrainedNetwork> load_bundled_network(const std::string& name) {
    const std::string path = find_asset("weights/" + name + ".weights");
    if (path.empty()) return nullptr;
    try {
        auto network = std::make_shared<PretrainedNetwork>();
        network->path = path;
        WeightsFile file = read_weights(path);
        network->spec = spec_for_architecture(file.architecture, path);
        if (network->spec.name != name) return nullptr;
        network->parameters = std::move(file.parameters);
        return network;
    } catch (const InputError&) {
        return nullptr;
    }
}

std::shared_ptr<const TrainingSnapshot> pretrained_snapshot(const PretrainedNetwork& network,
                                                            const std::vector<float>& probe_image) {
    auto snapshot = std::make_shared<TrainingSnapshot>();
    snapshot->state = TrainingState::Paused;
    // English, as core's messages; the training panel translates it.
    snapshot->message =
        N_("the pretrained network (assets/weights); Start trains one from scratch");
    snapshot->settings.network = network.spec.name;
    snapshot->architecture = network.spec.architecture();
    snapshot->parameter_count = network.parameters.size();
    // Nothing was trained here: no gradients.
    snapshot->conv_layers = conv_filters(network.spec, parameter_layout(network.spec),
                                         network.parameters.data(), nullptr);
    ActivationProbe probe(network.spec);
    snapshot->probe = probe.run(network.parameters.data(), probe_image.data());
    snapshot->parameters = std::make_shared<const std::vector<float>>(network.parameters);
    return snapshot;
}

}  // namespace convscope
