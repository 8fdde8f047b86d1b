// The look of every ImGui widget: a light theme that suits a teaching document,
// sized for the screen's DPI and the user's text size.
#pragma once

namespace convscope {

// Resets ImGui's style and scales its spacing by `scale` (dpi x text size).
void apply_theme(float scale);

}  // namespace convscope
