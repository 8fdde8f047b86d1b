// Between the settings file and the window's state: what the window remembers of itself.
#pragma once

#include <optional>

#include "app/model/app_state.hpp"
#include "app/model/settings_text.hpp"

namespace convscope {

// The settings as the window stands: its state and, when known, its placement.
Settings settings_of(const AppState& state, const std::optional<WindowPlacement>& window);

// Text size, theme, mode, panels and last folders from `settings`. The lesson, its step,
// the language and the placement are the shell's to apply (they need the scene, the fonts
// and the window).
void restore_settings(const Settings& settings, AppState& state);

}  // namespace convscope
