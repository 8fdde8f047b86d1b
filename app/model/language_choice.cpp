#include "app/model/language_choice.hpp"

namespace convscope {

Language starting_language(const std::optional<Language>& from_command_line,
                           const std::optional<Language>& remembered) {
    if (from_command_line) return *from_command_line;
    if (remembered) return *remembered;
    return language_from_environment();
}

}  // namespace convscope
