// The PyTorch window: the lesson's operation as PyTorch code (from core), with a Copy
// button. Opened by the controls' "PyTorch code" button.
#pragma once

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"
#include "app/shell/ui_metrics.hpp"

namespace convscope {

// Draws nothing unless state.show_pytorch.
Actions draw_pytorch_panel(const LessonScene& scene, const AppState& state,
                           const UiMetrics& metrics);

}  // namespace convscope
