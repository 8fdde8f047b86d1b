// The lessons of Convolution mode, numbered as the chapter; a click opens one.
#pragma once

#include "app/model/app_state.hpp"
#include "app/shell/ui_metrics.hpp"
#include "imgui.h"

namespace convscope {

// Fills the rectangle at `position` of `size` (logical pixels).
Actions draw_lesson_list(const AppState& state, const UiMetrics& metrics, ImVec2 position,
                         ImVec2 size);

// The width the list wants at these metrics.
float lesson_list_width(const UiMetrics& metrics);

}  // namespace convscope
