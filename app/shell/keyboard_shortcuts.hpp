// Window-wide keys (text size, fullscreen, help), read once per frame.
#pragma once

#include "app/model/app_state.hpp"

namespace convscope {

Actions read_keyboard_shortcuts(const AppState& state);

}  // namespace convscope
