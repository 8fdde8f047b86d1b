// The window's language: English (the source) or Simplified Chinese, switchable at run
// time. Panels write tr("English text") and trf("Input {h}×{w}", {{"h", ...}}); the
// text comes back in the language on screen. The CLI never calls these: its output and
// --help stay English.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/model/catalogue.hpp"

namespace convscope {

enum class Language { English, Chinese };

// "en" and "zh" (also "zh_CN", "zh-CN", "zh_CN.UTF-8"); nullopt for anything else.
std::optional<Language> parse_language(const std::string& text);
const char* language_code(Language language);  // "en", "zh"
const char* language_name(Language language);  // "English", "中文" (as its readers write it)

// The desktop's language: the first of LC_ALL, LC_MESSAGES, LANG that is set and not
// empty; Chinese when it starts with "zh", else English.
Language language_from_environment();

// Makes `language` current with its catalogue (assets/lang/<code>/*.po). Returns the
// reason when it cannot (no catalogue found, a file that does not parse); English then.
// Call between frames: the texts panels hold for a frame stay valid until the next call.
std::string use_language(Language language);
// The same with a catalogue already loaded (tests).
void use_catalogue(Language language, Catalogue catalogue);
Language current_language();
const Catalogue& current_catalogue();

// Every translated text of the current catalogue run together, with the languages'
// names: the characters the fonts must hold (Fonts::set_extra_text).
std::string characters_in_use();
// The lessons' titles in the current language: what the title font draws.
std::string lesson_titles_in_use();

// Marks a literal for the catalogue check without translating it where it stands (a
// table of names translated later with tr(name)), as gettext's N_.
#define N_(text) text

// `english` in the current language; itself when there is no translation.
const char* tr(const char* english);
const std::string& tr(const std::string& english);

// tr(), then each {name} replaced by its value.
using TextArgs = std::vector<std::pair<std::string, std::string>>;
std::string trf(const std::string& english, const TextArgs& args);
// Only the {name} replacements (for a text already translated).
std::string fill_placeholders(std::string text, const TextArgs& args);

}  // namespace convscope
