// The timeline along the bottom of Convolution mode: first, back, play/pause,
// forward, last, a scrub slider over the trace's steps and the speed.
#pragma once

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"
#include "app/shell/ui_metrics.hpp"
#include "imgui.h"

namespace convscope {

float timeline_height(const UiMetrics& metrics);

Actions draw_timeline(const LessonScene& scene, const AppState& state, const UiMetrics& metrics,
                      ImVec2 position, ImVec2 size);

}  // namespace convscope
