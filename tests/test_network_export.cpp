// Network mode's "Save as .npy" (app/model/network_export.hpp): which filters and maps
// are saved for the layer stack's selection, that the files hold the snapshot's numbers
// in (FN, C, KH, KW) and (C, H, W), and the status line for a save and a refusal.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/model/network_export.hpp"
#include "app/model/pretrained_network.hpp"
#include "app/model/reducer.hpp"
#include "core/formats/npy_file.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

LayerActivation activation(int layer, const std::string& name, Shape shape) {
    LayerActivation a;
    a.layer = layer;
    a.name = name;
    a.shape = shape;
    a.values.resize(static_cast<std::size_t>(shape.size()));
    for (std::size_t i = 0; i < a.values.size(); ++i) a.values[i] = 0.5f * i - layer;
    return a;
}

ConvFilters filters(int layer, const std::string& name, std::vector<int> shape) {
    ConvFilters f;
    f.layer = layer;
    f.name = name;
    f.shape = shape;
    f.weights.resize(static_cast<std::size_t>(shape[0] * shape[1] * shape[2] * shape[3]));
    for (std::size_t i = 0; i < f.weights.size(); ++i) f.weights[i] = 0.25f * i + layer;
    return f;
}

// LeNet's first layers: conv1 relu1 pool1 conv2 relu2 pool2 flatten.
TrainingSnapshot two_conv_snapshot() {
    TrainingSnapshot s;
    s.conv_layers = {filters(0, "conv1", {6, 1, 5, 5}), filters(3, "conv2", {16, 6, 5, 5})};
    s.probe.layers = {activation(0, "conv1", {6, 24, 24}),  activation(1, "relu1", {6, 24, 24}),
                      activation(2, "pool1", {6, 12, 12}),  activation(3, "conv2", {16, 8, 8}),
                      activation(4, "relu2", {16, 8, 8}),   activation(5, "pool2", {16, 4, 4}),
                      activation(6, "flatten", {256, 1, 1})};
    return s;
}

}  // namespace

TEST_CASE("the selection picks the maps and the conv that made them") {
    const TrainingSnapshot s = two_conv_snapshot();
    CHECK(filters_to_save(s, -1)->name == "conv1");  // nothing selected: the first conv
    CHECK(maps_layer_to_save(s, -1) == 0);
    CHECK(filters_to_save(s, 2)->name == "conv1");  // pool1 comes from conv1
    CHECK(maps_layer_to_save(s, 2) == 2);
    CHECK(filters_to_save(s, 3)->name == "conv2");
    CHECK(filters_to_save(s, 5)->name == "conv2");
    CHECK(maps_layer_to_save(s, 6) == 6);
    CHECK(maps_layer_to_save(s, 99) == 0);  // a selection of another network's layer
    const TrainingSnapshot empty;
    CHECK(filters_to_save(empty, -1) == nullptr);
    CHECK(maps_layer_to_save(empty, -1) == -1);
}

TEST_CASE("the files hold the snapshot's filters and maps in their shapes") {
    TempFolder folder;
    const TrainingSnapshot s = two_conv_snapshot();
    const std::string filters_line = save_filters_npy(s, 4, folder.file("f.npy"));
    CHECK(filters_line == "saved conv2 filters (16, 6, 5, 5) to " + folder.file("f.npy"));
    const Tensor f = read_npy(folder.file("f.npy"));
    CHECK(f.shape() == std::vector<int>{16, 6, 5, 5});
    CHECK(f.values() == s.conv_layers[1].weights);

    const std::string maps_line = save_maps_npy(s, 5, folder.file("m.npy"));
    CHECK(maps_line == "saved the maps of pool2 (16, 4, 4) to " + folder.file("m.npy"));
    const Tensor m = read_npy(folder.file("m.npy"));
    CHECK(m.shape() == std::vector<int>{16, 4, 4});
    CHECK(m.values() == s.probe.layers[5].values);
}

TEST_CASE("the pretrained network's conv1 filters and maps are saved") {
    TempFolder folder;
    const auto network = load_pretrained_network();
    const auto snapshot = pretrained_snapshot(*network, std::vector<float>(28 * 28, 0.5f));
    NetworkViewState view;
    view.filters_npy_path = folder.file("filters.npy");
    view.maps_npy_path = folder.file("maps.npy");
    LiveActions actions;
    actions.save_filters_npy = true;
    actions.save_maps_npy = true;
    apply_npy_saves(actions, snapshot.get(), view);
    CHECK_FALSE(view.npy_failed);
    CHECK(
        contains(view.npy_status, "saved conv1 filters (30, 1, 5, 5) to " + view.filters_npy_path));
    CHECK(contains(view.npy_status, "; saved the maps of conv1 (30, 24, 24)"));
    CHECK(read_npy(view.filters_npy_path).values() == snapshot->conv_layers[0].weights);
    CHECK(read_npy(view.maps_npy_path).values() == snapshot->probe.layers[0].values);
}

TEST_CASE("a refused save says why in the status and writes nothing") {
    TempFolder folder;
    const TrainingSnapshot s = two_conv_snapshot();
    NetworkViewState view;
    LiveActions none;
    apply_npy_saves(none, &s, view);
    CHECK(view.npy_status.empty());  // no request, no line

    LiveActions save;
    save.save_maps_npy = true;
    view.maps_npy_path = folder.file("maps.txt");
    apply_npy_saves(save, &s, view);
    CHECK(view.npy_failed);
    CHECK(view.npy_status ==
          "'" + folder.file("maps.txt") + "' does not end in .npy: NumPy would not find it");

    view.maps_npy_path = folder.file("missing/maps.npy");
    apply_npy_saves(save, &s, view);
    CHECK(view.npy_failed);
    CHECK(contains(view.npy_status, "cannot write .npy file '" + view.maps_npy_path + "'"));
    CHECK(std::filesystem::is_empty(folder.path()));

    apply_npy_saves(save, nullptr, view);
    CHECK(view.npy_status == "there is no network to save yet");

    // A good path afterwards clears the red.
    view.maps_npy_path = folder.file("maps.npy");
    apply_npy_saves(save, &s, view);
    CHECK_FALSE(view.npy_failed);
    CHECK(std::filesystem::exists(view.maps_npy_path));
}

TEST_CASE("the path fields are view state, and save requests merge") {
    AppState state;
    LiveActions fields;
    fields.filters_npy_field = std::string("a.npy");
    fields.maps_npy_field = std::string("b.npy");
    apply_live_view_actions(fields, state);
    CHECK(state.network.filters_npy_path == "a.npy");
    CHECK(state.network.maps_npy_path == "b.npy");

    LiveActions first, second;
    first.save_filters_npy = true;
    second.save_maps_npy = true;
    first.merge(second);
    CHECK(first.save_filters_npy);
    CHECK(first.save_maps_npy);
    CHECK(AppState().network.filters_npy_path == "convscope-filters.npy");
}
