#include "app/model/settings_state.hpp"

#include <algorithm>

namespace convscope {

Settings settings_of(const AppState& state, const std::optional<WindowPlacement>& window) {
    Settings settings;
    settings.language = state.language;
    settings.text_scale = state.text_scale;
    settings.theme = state.theme;
    settings.mode = state.mode;
    settings.lesson = state.scene;
    settings.step = state.playback.step;
    settings.show_lessons = state.show_lessons;
    settings.show_controls = state.show_controls;
    settings.window = window;
    settings.last_folders = state.last_folders;
    return settings;
}

void restore_settings(const Settings& settings, AppState& state) {
    state.text_scale = std::clamp(settings.text_scale, kMinTextScale, kMaxTextScale);
    state.theme = settings.theme;
    state.mode = settings.mode;
    state.show_lessons = settings.show_lessons;
    state.show_controls = settings.show_controls;
    state.last_folders = settings.last_folders;
}

}  // namespace convscope
