// Where the settings live and how they are read and written: the folder
// $XDG_CONFIG_HOME/convscope (else ~/.config/convscope) holds `settings` (settings_text.hpp)
// and ImGui's `imgui.ini`. Reading never fails: an unreadable file is set aside beside
// itself (settings.bad-<time>) with one line on stderr, and the window starts with defaults.
#pragma once

#include <string>

#include "app/model/settings_text.hpp"

namespace convscope {

// The folder; "" when neither XDG_CONFIG_HOME (an absolute path) nor HOME is set.
std::string settings_folder();

// FOLDER/settings; without it, the language of FOLDER/language (the file earlier versions
// kept for the language alone); else defaults. A file that cannot be parsed is renamed
// to FOLDER/settings.bad-<unix time> and one line on stderr says so.
Settings load_settings(const std::string& folder);

// Writes FOLDER/settings atomically, making the folder if needed. Returns why it could
// not, or "".
std::string save_settings(const std::string& folder, const Settings& settings);

}  // namespace convscope
