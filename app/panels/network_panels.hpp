// Network mode (issue 5 sections 1-4): what its panels read, and the panels, one per
// file: training_panel, curves, layer_stack, fc_comparison, kernel_tiles, feature_maps,
// npy_export, laid out by network_mode.cpp.
#pragma once

#include <string>
#include <vector>

#include "app/live/batch_pictures.hpp"
#include "app/live/network_pictures.hpp"
#include "app/model/app_state.hpp"
#include "app/shell/ui_metrics.hpp"
#include "core/nn/network_probe.hpp"
#include "core/nn/training_session.hpp"
#include "imgui.h"

namespace convscope {

struct NetworkModeView {
    const TrainingSnapshot& snapshot;
    bool pretrained;  // the snapshot is the pretrained network's; nothing trained yet
    const std::string& data_name;
    const NetworkSpec& spec;
    const std::vector<LayerSummary>& layers;
    const NetworkSpec& fc_spec;                  // seed 1's fully connected network
    const std::vector<LayerSummary>& fc_layers;  // and its layers
    const NetworkPictures& pictures;
    const std::vector<LayerField>& field;  // of state.network.unit; empty when none
    // Training slow enough to follow: the latest snapshot (`snapshot` is a replayed one
    // while the timeline is on), the batch's pictures, the picked weight's terms.
    const TrainingSnapshot& live;
    const BatchPictures& batch_pictures;
    const WeightGradientSum* weight_sum;  // null: no batch or no weight picked
};

// Fills the rectangle below the top bar.
Actions draw_network_mode(const NetworkModeView& view, const AppState& state,
                          const UiMetrics& metrics, ImVec2 position, ImVec2 size);

// Each draws into the current window.
Actions draw_training_panel(const NetworkModeView& view, const AppState& state,
                            const UiMetrics& metrics);
void draw_curves(const TrainingSnapshot& snapshot, const UiMetrics& metrics, ImVec2 size);
Actions draw_layer_stack(const NetworkModeView& view, const AppState& state,
                         const UiMetrics& metrics, ImVec2 size);
void draw_fc_comparison(const NetworkModeView& view, const UiMetrics& metrics, ImVec2 size);
Actions draw_kernel_tiles(const NetworkModeView& view, const AppState& state,
                          const UiMetrics& metrics, ImVec2 size);
Actions draw_feature_maps(const NetworkModeView& view, const AppState& state,
                          const UiMetrics& metrics, ImVec2 size);
// "Save as .npy" for the filters and the shown layer's maps: two lines.
Actions draw_npy_export(const NetworkModeView& view, const AppState& state,
                        const UiMetrics& metrics);

// One-batch mode: the batch's images, the filters beside their gradients, one weight's
// gradient taken apart (batch_view.cpp); the speed choice (pace_controls.cpp); the
// replay timeline's strip (replay_strip.cpp).
Actions draw_batch_view(const NetworkModeView& view, const AppState& state,
                        const UiMetrics& metrics, ImVec2 position, ImVec2 size);
Actions draw_pace_controls(const NetworkModeView& view, const AppState& state,
                           const UiMetrics& metrics);
Actions draw_replay_strip(const NetworkModeView& view, const AppState& state,
                          const UiMetrics& metrics);

// "433,890"
std::string grouped_count(std::size_t count);

}  // namespace convscope
