#include "app/model/theme.hpp"

namespace convscope {

std::optional<Theme> parse_theme(const std::string& text) {
    if (text == "light") return Theme::Light;
    if (text == "dark") return Theme::Dark;
    return std::nullopt;
}

const char* theme_code(Theme theme) {
    return theme == Theme::Dark ? "dark" : "light";
}

}  // namespace convscope
