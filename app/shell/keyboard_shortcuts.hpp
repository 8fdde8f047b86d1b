// Window-wide keys (text size, fullscreen, help), read once per frame.
#pragma once

#include "app/model/app_state.hpp"

namespace convscope {

Actions read_keyboard_shortcuts(const AppState& state);

// A key press as GLFW reports it, kept until the next read_keyboard_shortcuts: ImGui
// 1.86 sees only which keys are down when a frame starts, so a tap pressed and released
// during one slow frame (fonts rebuilding) would otherwise be lost.
void note_key_press(int key, int mods);

}  // namespace convscope
