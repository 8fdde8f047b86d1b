// The playground's settings on the right of Convolution mode: the operation, sizes,
// padding, stride, dilation, channels, filters, batch, bias; new random values or the
// lesson's own; the value of a clicked cell; a lesson file to save or open (the reducer
// does the file work). A refused setting shows its reason in red and the last valid
// scene stays on screen.
#pragma once

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"
#include "app/shell/ui_metrics.hpp"
#include "imgui.h"

namespace convscope {

float controls_width(const UiMetrics& metrics);

Actions draw_controls(const LessonScene& scene, const AppState& state, const UiMetrics& metrics,
                      ImVec2 position, ImVec2 size);

}  // namespace convscope
