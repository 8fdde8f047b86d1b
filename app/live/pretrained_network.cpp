#include "app/live/pretrained_network.hpp"

#include "app/assets/asset_paths.hpp"
#include "core/formats/weights_file.hpp"
#include "core/nn/network.hpp"
#include "core/nn/network_probe.hpp"

namespace convscope {

namespace {

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::shared_ptr<const PretrainedNetwork> load_pretrained_network() {
    auto network = std::make_shared<PretrainedNetwork>();
    network->path = pretrained_weights_path();
    WeightsFile file = read_weights(network->path);
    network->spec = spec_for_architecture(file.architecture, network->path);
    network->parameters = std::move(file.parameters);
    return network;
}

std::vector<ConvFilters> conv_filters_of(const NetworkSpec& spec,
                                         const std::vector<float>& parameters) {
    // A batch-of-one network only to read its parameter layout.
    const Network<float> layout(spec, 1, 1);
    std::vector<ConvFilters> filters;
    for (const ParameterView& view : layout.parameter_views()) {
        if (spec.layers[static_cast<std::size_t>(view.layer)].kind != LayerKind::Convolution) {
            continue;
        }
        const float* values = parameters.data() + view.offset;
        if (ends_with(view.name, ".weight")) {
            ConvFilters layer;
            layer.layer = view.layer;
            layer.name = layer_name(spec, view.layer);
            layer.shape = view.shape;
            layer.weights.assign(values, values + view.count);
            filters.push_back(std::move(layer));
        } else if (!filters.empty() && filters.back().layer == view.layer) {
            filters.back().biases.assign(values, values + view.count);
        }
    }
    return filters;
}

std::shared_ptr<const TrainingSnapshot> pretrained_snapshot(const PretrainedNetwork& network,
                                                            const std::vector<float>& probe_image) {
    auto snapshot = std::make_shared<TrainingSnapshot>();
    snapshot->state = TrainingState::Paused;
    snapshot->message = "the pretrained network (assets/weights); Start trains one from scratch";
    snapshot->settings.network = network.spec.name;
    snapshot->architecture = network.spec.architecture();
    snapshot->parameter_count = network.parameters.size();
    snapshot->conv_layers = conv_filters_of(network.spec, network.parameters);
    ActivationProbe probe(network.spec);
    snapshot->probe = probe.run(network.parameters.data(), probe_image.data());
    return snapshot;
}

}  // namespace convscope
