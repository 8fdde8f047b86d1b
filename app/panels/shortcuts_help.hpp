// The keyboard shortcuts window ("?" in the top bar, or F1).
#pragma once

#include "app/model/app_state.hpp"
#include "app/shell/ui_metrics.hpp"

namespace convscope {

// Draws nothing unless state.show_shortcuts.
Actions draw_shortcuts_help(const AppState& state, const UiMetrics& metrics);

}  // namespace convscope
