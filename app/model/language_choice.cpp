#include "app/model/language_choice.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/formats/atomic_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

std::string language_choice_path() {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    if (config != nullptr && *config == '/') return std::string(config) + "/convscope/language";
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0') return std::string(home) + "/.config/convscope/language";
    return "";
}

std::optional<Language> remembered_language() {
    const std::string path = language_choice_path();
    std::error_code error;
    if (path.empty() || !std::filesystem::is_regular_file(path, error)) return std::nullopt;
    if (std::filesystem::file_size(path, error) > 64 || error) return std::nullopt;
    std::ifstream in(path);
    std::string code;
    in >> code;
    return parse_language(code);
}

std::string remember_language(Language language) {
    const std::string path = language_choice_path();
    if (path.empty()) return "nowhere to remember the language: set HOME or XDG_CONFIG_HOME";
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
    if (error) return "cannot make the folder for '" + path + "': " + error.message();
    try {
        write_file_atomically(path, std::string(language_code(language)) + "\n", "language choice");
    } catch (const InputError& failure) {
        return failure.what();
    }
    return "";
}

Language starting_language(const std::optional<Language>& from_command_line) {
    if (from_command_line) return *from_command_line;
    if (const std::optional<Language> remembered = remembered_language()) return *remembered;
    return language_from_environment();
}

}  // namespace convscope
