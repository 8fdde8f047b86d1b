// The settings file's text: what the window remembers between runs, as a small versioned
// text format a person can read and edit:
//
//   convscope-settings 1
//   language = zh
//   text_scale = 1.2
//   last_folder.images = /home/me/Pictures
//
// The first line names the format and its version; then one `key = value` a line.
// Unknown keys are ignored (a later convscope may add some); a known key with a bad
// value, a missing first line, a newer version or a last line cut short make the whole
// file unreadable (SettingsError), and the caller sets it aside.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "app/model/app_state.hpp"
#include "app/model/theme.hpp"
#include "app/model/translate.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

constexpr int kSettingsVersion = 1;
constexpr std::size_t kMaxSettingsBytes = 64 * 1024;  // checked before reading

// The window's size and position on the desktop, in screen coordinates.
struct WindowPlacement {
    int x = 0, y = 0;
    int width = 0, height = 0;
    bool operator==(const WindowPlacement& o) const {
        return x == o.x && y == o.y && width == o.width && height == o.height;
    }
};

struct Settings {
    std::optional<Language> language;  // none: the desktop's locale
    float text_scale = 1.0f;
    Theme theme = Theme::Light;
    Mode mode = Mode::Convolution;
    std::string lesson;  // a lesson id; empty: the first lesson
    int step = 0;
    bool show_lessons = true;
    bool show_controls = true;
    std::optional<WindowPlacement> window;
    std::map<std::string, std::string> last_folders;  // file kind -> folder

    bool operator==(const Settings& o) const {
        return language == o.language && text_scale == o.text_scale && theme == o.theme &&
               mode == o.mode && lesson == o.lesson && step == o.step &&
               show_lessons == o.show_lessons && show_controls == o.show_controls &&
               window == o.window && last_folders == o.last_folders;
    }
    bool operator!=(const Settings& o) const { return !(*this == o); }
};

// Why a settings text cannot be read ("line 4: text_scale '9' is not from 0.6 to 2.5").
class SettingsError : public InputError {
  public:
    using InputError::InputError;
};

// Throws SettingsError.
Settings parse_settings(const std::string& text);

// The text parse_settings reads back as `settings`. Folders holding a line break cannot
// be written as a line, and are left out.
std::string settings_text(const Settings& settings);

const char* mode_code(Mode mode);  // "convolution", "network", "images", "draw"
std::optional<Mode> parse_mode(const std::string& text);

}  // namespace convscope
