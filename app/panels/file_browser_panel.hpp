// The in-app file browser (when the desktop has no zenity or kdialog) and the notice
// line that says what a dropped or chosen file did. Both draw AppState::files and return
// Actions; listing and paths are app/model/file_browser's.
#pragma once

#include "app/model/app_state.hpp"
#include "app/shell/ui_metrics.hpp"

namespace convscope {

Actions draw_file_browser(const AppState& state, const UiMetrics& metrics);
Actions draw_file_notice(const AppState& state, const UiMetrics& metrics);

}  // namespace convscope
