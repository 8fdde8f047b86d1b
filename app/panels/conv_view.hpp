// Convolution mode's centre: the lesson title, the input, kernel and output grids
// with their numbers, the highlighted window, its sum written out and the
// output-size formula. Cells are drawn by our GL renderer, text by ImGui on top.
#pragma once

#include "app/gui/app_state.hpp"
#include "app/gui/conv_scene_view.hpp"
#include "app/gui/grid_layer.hpp"
#include "app/gui/ui_metrics.hpp"
#include "imgui.h"

namespace convscope {

// Fills the rectangle at `position` of `size` (logical pixels). Returns the font
// sizes this layout wants baked (Actions::fonts).
Actions draw_conv_view(const ConvSceneView& view, const AppState& state, const UiMetrics& metrics,
                       ImVec2 position, ImVec2 size, GridLayer& grid_layer);

}  // namespace convscope
