#include "app/model/network_export.hpp"

#include <filesystem>

#include "app/model/translate.hpp"
#include "core/formats/npy_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

void require_npy_path(const std::string& path) {
    if (path.empty()) throw InputError(tr("type a file name ending in .npy first"));
    if (!has_npy_extension(path)) {
        throw InputError(
            trf("'{path}' does not end in .npy: NumPy would not find it", {{"path", path}}));
    }
}

// `line` has {layer}, {shape} and {path}.
std::string saved_line(const char* line, const std::string& layer, const Tensor& tensor,
                       const std::string& path) {
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(path, error);
    return trf(line, {{"layer", layer},
                      {"shape", shape_text(tensor.shape())},
                      {"path", error ? path : absolute.lexically_normal().string()}});
}

}  // namespace

const ConvFilters* filters_to_save(const TrainingSnapshot& snapshot, int open_layer) {
    const std::vector<ConvFilters>& convs = snapshot.conv_layers;
    if (convs.empty()) return nullptr;
    const ConvFilters* chosen = &convs.front();
    for (const ConvFilters& conv : convs)
        if (conv.layer <= open_layer) chosen = &conv;
    return chosen;
}

int maps_layer_to_save(const TrainingSnapshot& snapshot, int open_layer) {
    const int count = static_cast<int>(snapshot.probe.layers.size());
    if (open_layer >= 0 && open_layer < count) return open_layer;
    const ConvFilters* first = filters_to_save(snapshot, -1);
    return first != nullptr && first->layer < count ? first->layer : -1;
}

std::string save_filters_npy(const TrainingSnapshot& snapshot, int open_layer,
                             const std::string& path) {
    require_npy_path(path);
    const ConvFilters* filters = filters_to_save(snapshot, open_layer);
    if (filters == nullptr || filters->shape.size() != 4) {
        throw InputError(tr("this network has no conv filters to save"));
    }
    const Tensor tensor(filters->shape, filters->weights);
    write_npy(path, tensor);
    return saved_line(N_("saved {layer} filters {shape} to {path}"), filters->name, tensor, path);
}

std::string save_maps_npy(const TrainingSnapshot& snapshot, int open_layer,
                          const std::string& path) {
    require_npy_path(path);
    const int index = maps_layer_to_save(snapshot, open_layer);
    if (index < 0) throw InputError(tr("there are no feature maps to save yet"));
    const LayerActivation& layer = snapshot.probe.layers[static_cast<std::size_t>(index)];
    const Tensor tensor({layer.shape.channels, layer.shape.height, layer.shape.width},
                        layer.values);
    write_npy(path, tensor);
    return saved_line(N_("saved the maps of {layer} {shape} to {path}"), layer.name, tensor, path);
}

void apply_npy_saves(const LiveActions& actions, const TrainingSnapshot* snapshot,
                     NetworkViewState& view) {
    if (!actions.save_filters_npy && !actions.save_maps_npy) return;
    try {
        if (snapshot == nullptr) throw InputError(tr("there is no network to save yet"));
        std::string status;
        if (actions.save_filters_npy) {
            status = save_filters_npy(*snapshot, view.open_layer, view.filters_npy_path);
        }
        if (actions.save_maps_npy) {
            const std::string maps = save_maps_npy(*snapshot, view.open_layer, view.maps_npy_path);
            status = status.empty()
                         ? maps
                         : trf("{first}; {second}", {{"first", status}, {"second", maps}});
        }
        view.npy_status = status;
        view.npy_failed = false;
    } catch (const InputError& problem) {
        view.npy_status = problem.what();
        view.npy_failed = true;
    }
}

}  // namespace convscope
