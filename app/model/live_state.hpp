// What the three live modes (Network, Images, Draw) remember between frames, and the
// actions their panels return. Like the rest of AppState, panels read these and never
// change them; GuiApp hands the actions to LiveModes between frames.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "app/model/explain_state.hpp"
#include "core/nn/training_session.hpp"
#include "core/tensor/message.hpp"

namespace convscope {

// A unit of one layer's feature map in Network mode; its receptive field is lit in
// every layer below it.
struct FeatureUnit {
    int layer = -1;  // index in the NetworkSpec; -1: no unit chosen
    int channel = 0, y = 0, x = 0;
    bool chosen() const { return layer >= 0; }
    bool operator==(const FeatureUnit& o) const {
        return layer == o.layer && channel == o.channel && y == o.y && x == o.x;
    }
};

// One weight of the first convolution, picked in one-batch mode to see its gradient's terms.
struct WeightPick {
    int filter = -1;  // -1: none picked
    int channel = 0, ky = 0, kx = 0;
    bool chosen() const { return filter >= 0; }
    bool operator==(const WeightPick& o) const {
        return filter == o.filter && channel == o.channel && ky == o.ky && kx == o.kx;
    }
};

struct NetworkViewState {
    int open_layer = -1;          // the layer stack's selection (its maps drawn larger); -1: none
    bool show_gradients = false;  // kernel tiles show d loss / d weights (ConvNetJS)
    FeatureUnit unit;
    TrainingSettings settings;  // what the training panel shows and the next start uses
    std::string data_folder;    // the IDX folder field; empty: the bundled subset
    std::string message;        // why the last request was refused (bad folder, settings)
    Message error_message;      // the same, translatable (shown_text) while message is set
    // "Save as .npy": the two path fields (relative to the working folder) and where the
    // last save went, or why it failed.
    std::string filters_npy_path = "convscope-filters.npy";
    std::string maps_npy_path = "convscope-maps.npy";
    std::string npy_status;
    bool npy_failed = false;
    // Save weights / Load weights: where the last one went, or why it failed.
    std::string weights_status;
    bool weights_failed = false;
    // Training slow enough to follow (issue 16): the pace, the weight whose gradient is
    // taken apart, and the replay timeline (on, the batch scrubbed to, playing).
    TrainingPace pace;
    WeightPick weight{0, 0, 2, 2};
    bool replay = false;
    long replay_batch = 0;
    bool replay_playing = false;
};

constexpr int kCustomKernelSide = 3;
using CustomKernelValues = std::array<float, kCustomKernelSide * kCustomKernelSide>;

struct ImagesViewState {
    std::string path_field;  // the "Open" text field
    int kernel = 0;          // index in classic_kernels(); classic_kernels().size(): custom
    CustomKernelValues custom = {0, -1, 0, -1, 4, -1, 0, -1, 0};  // starts as a Laplacian
    int feature_layer = 0;  // which of the network's convolutional layers is shown
};

// A mouse drag on the digit canvas, in canvas pixels.
struct CanvasStroke {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

enum class TrainingCommand { None, Start, Pause, Reset, Step };

struct LiveActions {
    // Network mode
    TrainingCommand training = TrainingCommand::None;
    std::optional<TrainingSettings> training_settings;
    std::optional<std::string> data_folder_field;
    std::optional<std::string> load_data;  // a folder; "" goes back to the bundled subset
    std::optional<int> open_layer;
    std::optional<FeatureUnit> select_unit;
    bool toggle_gradients = false;
    std::optional<std::string> filters_npy_field;
    std::optional<std::string> maps_npy_field;
    bool save_filters_npy = false;
    bool save_maps_npy = false;
    std::optional<std::string> save_weights;  // a path
    std::optional<std::string> load_weights;  // a path
    std::optional<TrainingPace> pace;
    std::optional<WeightPick> pick_weight;
    std::optional<bool> replay;        // the timeline on or off
    std::optional<long> replay_batch;  // scrubbed to
    bool toggle_replay_play = false;
    // Images mode
    std::optional<std::string> path_field;
    std::optional<std::string> open_image;
    bool rescan_images = false;
    std::optional<int> select_kernel;
    std::optional<CustomKernelValues> custom_kernel;
    std::optional<int> feature_layer;
    // Draw mode
    std::vector<CanvasStroke> strokes;
    bool clear_canvas = false;
    // Images and Draw modes: the saliency / Grad-CAM overlay
    std::optional<ExplainViewState> explain_view;

    // As Actions::merge: toggles OR, so two requests in one frame toggle once.
    void merge(const LiveActions& other) {
        if (other.training != TrainingCommand::None) training = other.training;
        if (other.training_settings) training_settings = other.training_settings;
        if (other.data_folder_field) data_folder_field = other.data_folder_field;
        if (other.load_data) load_data = other.load_data;
        if (other.open_layer) open_layer = other.open_layer;
        if (other.select_unit) select_unit = other.select_unit;
        toggle_gradients |= other.toggle_gradients;
        if (other.filters_npy_field) filters_npy_field = other.filters_npy_field;
        if (other.maps_npy_field) maps_npy_field = other.maps_npy_field;
        save_filters_npy |= other.save_filters_npy;
        save_maps_npy |= other.save_maps_npy;
        if (other.save_weights) save_weights = other.save_weights;
        if (other.load_weights) load_weights = other.load_weights;
        if (other.pace) pace = other.pace;
        if (other.pick_weight) pick_weight = other.pick_weight;
        if (other.replay) replay = other.replay;
        if (other.replay_batch) replay_batch = other.replay_batch;
        toggle_replay_play |= other.toggle_replay_play;
        if (other.path_field) path_field = other.path_field;
        if (other.open_image) open_image = other.open_image;
        rescan_images |= other.rescan_images;
        if (other.select_kernel) select_kernel = other.select_kernel;
        if (other.custom_kernel) custom_kernel = other.custom_kernel;
        if (other.feature_layer) feature_layer = other.feature_layer;
        strokes.insert(strokes.end(), other.strokes.begin(), other.strokes.end());
        clear_canvas |= other.clear_canvas;
        if (other.explain_view) explain_view = other.explain_view;
    }
};

}  // namespace convscope
