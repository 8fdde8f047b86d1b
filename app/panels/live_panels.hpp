// Images mode (your own pictures through kernels and the network) and Draw mode (a
// digit drawn with the mouse, classified live): one panel each, filling the area below
// the top bar.
#pragma once

#include "app/live/digit_sketch.hpp"
#include "app/live/image_study.hpp"
#include "app/model/app_state.hpp"
#include "app/shell/ui_metrics.hpp"
#include "imgui.h"

namespace convscope {

Actions draw_images_panel(const ImageStudy& study, const AppState& state, const UiMetrics& metrics,
                          ImVec2 position, ImVec2 size);

Actions draw_draw_panel(const DigitSketch& sketch, const UiMetrics& metrics, ImVec2 position,
                        ImVec2 size);

}  // namespace convscope
