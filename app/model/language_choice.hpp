// The language a window starts in. The choice made in the window is remembered in the
// settings file (settings_store.hpp), which also reads the language file of earlier
// versions once.
#pragma once

#include <optional>

#include "app/model/translate.hpp"

namespace convscope {

// --lang when given, else the remembered choice, else the desktop's locale.
Language starting_language(const std::optional<Language>& from_command_line,
                           const std::optional<Language>& remembered);

}  // namespace convscope
