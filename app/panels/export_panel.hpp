// The Export window (top bar: Export…): the lesson on screen as a GIF of its steps, or
// the step on screen as PNG or SVG, at a chosen size and speed, to a path; a progress
// bar while it works and a line saying where the file went.
#pragma once

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"
#include "app/shell/ui_metrics.hpp"

namespace convscope {

Actions draw_export_panel(const LessonScene& scene, const AppState& state,
                          const UiMetrics& metrics);

}  // namespace convscope
