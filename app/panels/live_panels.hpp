// Images mode (your own pictures through kernels and the network) and Draw mode (a
// digit drawn with the mouse, classified live): one panel each, filling the area below
// the top bar.
#pragma once

#include "app/live/mode_textures.hpp"
#include "app/model/app_state.hpp"
#include "app/model/digit_sketch.hpp"
#include "app/model/explained_picture.hpp"
#include "app/model/image_study.hpp"
#include "app/shell/ui_metrics.hpp"
#include "imgui.h"

namespace convscope {

// Each draws its model's numbers and text, and its pictures from the textures.
Actions draw_images_panel(const ImageStudy& study, const ImageStudyTextures& textures,
                          const ExplainedPicture& explained, const AppState& state,
                          const UiMetrics& metrics, ImVec2 position, ImVec2 size);

Actions draw_digit_panel(const DigitSketch& sketch, const DigitSketchTextures& textures,
                         const ExplainedPicture& explained, const ExplainViewState& view,
                         const UiMetrics& metrics, ImVec2 position, ImVec2 size);

// Images and Draw modes: the saliency / Grad-CAM switch, its opacity, what it means.
void explain_controls(const ExplainedPicture& explained, const ExplainViewState& view,
                      const UiMetrics& metrics, Actions& actions);

}  // namespace convscope
