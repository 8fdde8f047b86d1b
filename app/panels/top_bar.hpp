// The bar across the top: the four modes, the lesson list toggle, text size,
// fullscreen and keyboard help.
#pragma once

#include "app/model/app_state.hpp"
#include "app/shell/ui_metrics.hpp"

namespace convscope {

Actions draw_top_bar(const AppState& state, const UiMetrics& metrics);

}  // namespace convscope
