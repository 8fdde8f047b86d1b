// The look of every ImGui widget, light (a teaching document) or dark (a projector in a
// dark room), sized for the screen's DPI and the user's text size.
#pragma once

#include "app/model/theme.hpp"

namespace convscope {

// Resets ImGui's style to `theme` and scales its spacing by `scale` (dpi x text size).
void apply_theme(float scale, Theme theme);

}  // namespace convscope
