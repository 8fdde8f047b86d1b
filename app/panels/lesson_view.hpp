// Convolution mode's centre: the lesson's title, explanation, the chapter's numbers
// and any erratum, then the lesson's view (a board of grids) and this step's
// arithmetic beneath it. Clicking a cell selects it (editor, shared weight, field unit).
#pragma once

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"
#include "app/shell/ui_metrics.hpp"
#include "app/widgets/board.hpp"
#include "app/widgets/canvas.hpp"
#include "app/widgets/grid_layer.hpp"
#include "imgui.h"

namespace convscope {

// Fills the rectangle at `position` of `size` (logical pixels). Returns the font
// sizes this layout wants baked (Actions::fonts) and the cell clicked, if any.
Actions draw_lesson_view(const LessonScene& scene, const AppState& state, const UiMetrics& metrics,
                         ImVec2 position, ImVec2 size, GridLayer& grid_layer);

// The same view painted onto any canvas (the window, an exported picture), without an
// ImGui window of its own: the fonts it wants and the cell under a click, if any.
BoardResult paint_lesson_view(const LessonScene& scene, const AppState& state,
                              const UiMetrics& metrics, ImVec2 position, ImVec2 size,
                              Canvas& canvas);

}  // namespace convscope
