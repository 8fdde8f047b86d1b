#include "app/model/settings_store.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/formats/atomic_file.hpp"

namespace convscope {

namespace {

namespace fs = std::filesystem;

// The first word of FOLDER/language, the language file of earlier versions.
std::optional<Language> old_language_choice(const std::string& folder) {
    const std::string path = folder + "/language";
    std::error_code error;
    if (!fs::is_regular_file(path, error) || fs::file_size(path, error) > 64 || error) {
        return std::nullopt;
    }
    std::ifstream in(path);
    std::string code;
    in >> code;
    return parse_language(code);
}

// Renames the unreadable file beside itself and says so on one line.
void set_aside(const std::string& path, const std::string& reason) {
    std::string aside = path + ".bad-" + std::to_string(static_cast<long long>(std::time(nullptr)));
    std::error_code error;
    for (int n = 2; fs::exists(aside, error) && n < 100; ++n) {
        aside = path + ".bad-" + std::to_string(static_cast<long long>(std::time(nullptr))) + "-" +
                std::to_string(n);
    }
    fs::rename(path, aside, error);
    if (error) {
        std::fprintf(stderr,
                     "convscope: settings file '%s' %s and cannot be set aside (%s): starting "
                     "with defaults\n",
                     path.c_str(), reason.c_str(), error.message().c_str());
    } else {
        std::fprintf(stderr,
                     "convscope: settings file '%s' %s: moved to '%s', starting with defaults\n",
                     path.c_str(), reason.c_str(), aside.c_str());
    }
}

}  // namespace

std::string settings_folder() {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    if (config != nullptr && *config == '/') return std::string(config) + "/convscope";
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0') return std::string(home) + "/.config/convscope";
    return "";
}

Settings load_settings(const std::string& folder) {
    Settings settings;
    if (folder.empty()) return settings;
    const std::string path = folder + "/settings";
    std::error_code error;
    if (!fs::exists(path, error)) {
        settings.language = old_language_choice(folder);
        return settings;
    }
    try {
        if (!fs::is_regular_file(path, error)) throw SettingsError("is not a file");
        const auto size = fs::file_size(path, error);
        if (error) throw SettingsError("cannot be read (" + error.message() + ")");
        if (size > kMaxSettingsBytes) {
            throw SettingsError("is larger than " + std::to_string(kMaxSettingsBytes) + " bytes");
        }
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in && size > 0) throw SettingsError("cannot be read");
        settings = parse_settings(bytes.str());
    } catch (const SettingsError& failure) {
        const std::string what = failure.what();
        set_aside(path, what.rfind("is ", 0) == 0 || what.rfind("cannot", 0) == 0
                            ? what
                            : "cannot be read: " + what);
        return Settings{};
    }
    return settings;
}

std::string save_settings(const std::string& folder, const Settings& settings) {
    if (folder.empty()) return "nowhere to keep the settings: set HOME or XDG_CONFIG_HOME";
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) return "cannot make the settings folder '" + folder + "': " + error.message();
    try {
        write_file_atomically(folder + "/settings", settings_text(settings), "settings file");
    } catch (const InputError& failure) {
        return failure.what();
    }
    return "";
}

}  // namespace convscope
