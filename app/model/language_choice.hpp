// The language the user last chose in the window, remembered across runs in a small file
// of its own under the XDG config folder ($XDG_CONFIG_HOME/convscope/language, else
// ~/.config/convscope/language) until the settings file of the desktop issue takes it.
#pragma once

#include <optional>
#include <string>

#include "app/model/translate.hpp"

namespace convscope {

// The file's path; "" when neither XDG_CONFIG_HOME nor HOME is set.
std::string language_choice_path();

// The remembered choice; nullopt when there is none, or the file is unreadable or holds
// anything but a language code (a damaged file is ignored, never fatal).
std::optional<Language> remembered_language();

// Remembers `language` (written atomically). Returns why it could not, or "".
std::string remember_language(Language language);

// The language a window starts in: --lang when given, else the remembered choice, else
// the desktop's locale.
Language starting_language(const std::optional<Language>& from_command_line);

}  // namespace convscope
