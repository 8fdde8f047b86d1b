#include "app/model/settings_text.hpp"

#include <cstdlib>
#include <sstream>

#include "core/formats/nested_array.hpp"

namespace convscope {

namespace {

constexpr const char* kFormatName = "convscope-settings";
constexpr const char* kFolderPrefix = "last_folder.";
constexpr int kMaxStep = 1 << 20;
constexpr int kMaxCoordinate = 100000;

std::string trimmed(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// A whole number in [min, max], or nullopt.
std::optional<int> whole_number(const std::string& text, int min, int max) {
    const bool negative = !text.empty() && text[0] == '-';
    const std::string digits = negative ? text.substr(1) : text;
    if (digits.empty() || digits.size() > 7 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    const int value = (negative ? -1 : 1) * std::atoi(digits.c_str());
    if (value < min || value > max) return std::nullopt;
    return value;
}

// "A<sep>B" as two whole numbers in [min, max].
std::optional<std::pair<int, int>> number_pair(const std::string& text, char separator, int min,
                                               int max) {
    const size_t at = text.find(separator);
    if (at == std::string::npos) return std::nullopt;
    const auto a = whole_number(text.substr(0, at), min, max);
    const auto b = whole_number(text.substr(at + 1), min, max);
    if (!a || !b) return std::nullopt;
    return std::make_pair(*a, *b);
}

std::optional<bool> parse_bool(const std::string& text) {
    if (text == "true") return true;
    if (text == "false") return false;
    return std::nullopt;
}

std::optional<float> parse_text_scale(const std::string& text) {
    if (text.empty() || text.size() > 12 ||
        text.find_first_not_of("0123456789.") != std::string::npos)
        return std::nullopt;
    char* end = nullptr;
    const float value = std::strtof(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return std::nullopt;
    if (!(value >= kMinTextScale && value <= kMaxTextScale)) return std::nullopt;
    return value;
}

bool is_id(const std::string& text) {
    return !text.empty() && text.size() <= 64 &&
           text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
}

// Reads one known key into `settings`; false when its value is bad. Unknown keys: true.
bool read_value(const std::string& key, const std::string& value, Settings& settings) {
    if (key == "language") {
        settings.language = parse_language(value);
        return settings.language.has_value() && (value == "en" || value == "zh");
    }
    if (key == "text_scale") {
        const auto scale = parse_text_scale(value);
        if (scale) settings.text_scale = *scale;
        return scale.has_value();
    }
    if (key == "theme") {
        const auto theme = parse_theme(value);
        if (theme) settings.theme = *theme;
        return theme.has_value();
    }
    if (key == "mode") {
        const auto mode = parse_mode(value);
        if (mode) settings.mode = *mode;
        return mode.has_value();
    }
    if (key == "lesson") {
        settings.lesson = value;
        return is_id(value);
    }
    if (key == "step") {
        const auto step = whole_number(value, 0, kMaxStep);
        if (step) settings.step = *step;
        return step.has_value();
    }
    if (key == "show_lessons" || key == "show_controls") {
        const auto on = parse_bool(value);
        if (on) (key == "show_lessons" ? settings.show_lessons : settings.show_controls) = *on;
        return on.has_value();
    }
    if (key == "window_size" || key == "window_position") {
        const bool size = key == "window_size";
        const auto pair = size ? number_pair(value, 'x', 1, kMaxCoordinate)
                               : number_pair(value, ',', -kMaxCoordinate, kMaxCoordinate);
        if (!pair) return false;
        WindowPlacement window = settings.window.value_or(WindowPlacement{});
        (size ? window.width : window.x) = pair->first;
        (size ? window.height : window.y) = pair->second;
        settings.window = window;
        return true;
    }
    if (key.rfind(kFolderPrefix, 0) == 0) {
        const std::string kind = key.substr(std::string(kFolderPrefix).size());
        if (!is_id(kind) || value.empty()) return false;
        settings.last_folders[kind] = value;
        return true;
    }
    return true;  // a key of a later convscope
}

}  // namespace

const char* mode_code(Mode mode) {
    switch (mode) {
        case Mode::Network:
            return "network";
        case Mode::Images:
            return "images";
        case Mode::Draw:
            return "draw";
        case Mode::Convolution:
            break;
    }
    return "convolution";
}

std::optional<Mode> parse_mode(const std::string& text) {
    for (const Mode mode : {Mode::Convolution, Mode::Network, Mode::Images, Mode::Draw}) {
        if (text == mode_code(mode)) return mode;
    }
    return std::nullopt;
}

Settings parse_settings(const std::string& text) {
    if (text.size() > kMaxSettingsBytes) {
        throw SettingsError("larger than " + std::to_string(kMaxSettingsBytes) +
                            " bytes: not a settings file");
    }
    if (text.empty()) throw SettingsError("empty (cut short while it was written?)");
    if (text.back() != '\n') throw SettingsError("its last line is cut short");
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);
    const std::string header = trimmed(line);
    const std::string prefix = std::string(kFormatName) + " ";
    if (header.rfind(prefix, 0) != 0) {
        throw SettingsError("its first line is not '" + prefix + std::to_string(kSettingsVersion) +
                            "'");
    }
    const auto version = whole_number(header.substr(prefix.size()), 1, 1 << 20);
    if (!version)
        throw SettingsError("its version '" + header.substr(prefix.size()) + "' is not a number");
    if (*version > kSettingsVersion) {
        throw SettingsError("version " + std::to_string(*version) +
                            " is newer than this convscope reads (" +
                            std::to_string(kSettingsVersion) + ")");
    }
    Settings settings;
    int number = 1;
    while (std::getline(lines, line)) {
        ++number;
        const std::string content = trimmed(line);
        if (content.empty() || content[0] == '#') continue;
        const size_t equals = content.find('=');
        if (equals == std::string::npos) {
            throw SettingsError("line " + std::to_string(number) + " is not 'key = value'");
        }
        const std::string key = trimmed(content.substr(0, equals));
        const std::string value = trimmed(content.substr(equals + 1));
        if (!read_value(key, value, settings)) {
            throw SettingsError("line " + std::to_string(number) + ": " + key + " '" + value +
                                "' is not a value it takes");
        }
    }
    return settings;
}

std::string settings_text(const Settings& settings) {
    std::ostringstream out;
    out << kFormatName << " " << kSettingsVersion << "\n";
    if (settings.language) out << "language = " << language_code(*settings.language) << "\n";
    out << "text_scale = " << number_text(settings.text_scale) << "\n";
    out << "theme = " << theme_code(settings.theme) << "\n";
    out << "mode = " << mode_code(settings.mode) << "\n";
    if (is_id(settings.lesson)) out << "lesson = " << settings.lesson << "\n";
    out << "step = " << settings.step << "\n";
    out << "show_lessons = " << (settings.show_lessons ? "true" : "false") << "\n";
    out << "show_controls = " << (settings.show_controls ? "true" : "false") << "\n";
    if (settings.window) {
        const WindowPlacement& w = *settings.window;
        out << "window_size = " << w.width << "x" << w.height << "\n";
        out << "window_position = " << w.x << "," << w.y << "\n";
    }
    for (const auto& [kind, folder] : settings.last_folders) {
        if (!is_id(kind) || trimmed(folder) != folder || folder.empty() ||
            folder.find_first_of("\r\n") != std::string::npos) {
            continue;
        }
        out << kFolderPrefix << kind << " = " << folder << "\n";
    }
    return out.str();
}

}  // namespace convscope
