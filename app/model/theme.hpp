// The window's two looks: light for a lit room and a document, dark for a projector in
// a dark lecture room. The colours of each are app/model/palette.hpp's.
#pragma once

#include <optional>
#include <string>

namespace convscope {

enum class Theme { Light, Dark };

// "light", "dark"; nullopt for anything else.
std::optional<Theme> parse_theme(const std::string& text);
const char* theme_code(Theme theme);

}  // namespace convscope
