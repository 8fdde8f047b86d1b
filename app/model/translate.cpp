#include "app/model/translate.hpp"

#include <cctype>
#include <cstdlib>

#include "app/assets/asset_paths.hpp"
#include "core/lessons/lessons.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

struct Current {
    Language language = Language::English;
    Catalogue catalogue;
};

Current& current() {
    static Current state;
    return state;
}

}  // namespace

std::optional<Language> parse_language(const std::string& text) {
    std::string lower;
    for (const char c : text)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "en" || lower.rfind("en_", 0) == 0 || lower.rfind("en-", 0) == 0 || lower == "c" ||
        lower == "posix")
        return Language::English;
    if (lower == "zh" || lower.rfind("zh_", 0) == 0 || lower.rfind("zh-", 0) == 0)
        return Language::Chinese;
    return std::nullopt;
}

const char* language_code(Language language) {
    return language == Language::Chinese ? "zh" : "en";
}

const char* language_name(Language language) {
    return language == Language::Chinese ? "中文" : "English";
}

Language language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        return std::string(value).rfind("zh", 0) == 0 ? Language::Chinese : Language::English;
    }
    return Language::English;
}

std::string use_language(Language language) {
    if (language == Language::English) {
        use_catalogue(Language::English, Catalogue{});
        return "";
    }
    const std::string folder = find_asset(std::string("lang/") + language_code(language));
    if (folder.empty()) {
        use_catalogue(Language::English, Catalogue{});
        return std::string("no ") + language_name(language) + " texts found (assets/lang/" +
               language_code(language) + "); showing English";
    }
    try {
        use_catalogue(language, load_catalogue_folder(folder));
    } catch (const InputError& error) {
        use_catalogue(Language::English, Catalogue{});
        return std::string(error.what()) + "; showing English";
    }
    return "";
}

void use_catalogue(Language language, Catalogue catalogue) {
    current().language = language;
    current().catalogue = std::move(catalogue);
}

Language current_language() {
    return current().language;
}

const Catalogue& current_catalogue() {
    return current().catalogue;
}

std::string characters_in_use() {
    // The language menu names every language in its own script.
    std::string text =
        std::string(language_name(Language::English)) + language_name(Language::Chinese);
    for (const CatalogueEntry& entry : current().catalogue.entries()) text += entry.translation;
    return text;
}

std::string lesson_titles_in_use() {
    std::string text;
    for (const Lesson& lesson : lessons()) text += tr(lesson.title);
    return text;
}

const char* tr(const char* english) {
    if (current().language == Language::English) return english;
    const std::string* found = current().catalogue.find(english);
    return found != nullptr ? found->c_str() : english;
}

const std::string& tr(const std::string& english) {
    if (current().language == Language::English) return english;
    const std::string* found = current().catalogue.find(english);
    return found != nullptr ? *found : english;
}

std::string fill_placeholders(std::string text, const TextArgs& args) {
    for (const auto& [name, value] : args) {
        const std::string key = "{" + name + "}";
        for (std::size_t at = text.find(key); at != std::string::npos;
             at = text.find(key, at + value.size())) {
            text.replace(at, key.size(), value);
        }
    }
    return text;
}

std::string trf(const std::string& english, const TextArgs& args) {
    return fill_placeholders(tr(english), args);
}

}  // namespace convscope
