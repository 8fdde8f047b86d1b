// The window's translations: the .po parser, tr() and trf(), and the shipped Chinese
// catalogue (assets/lang/zh) against the code: placeholders agree text by text, no
// entry goes unused, and every character has a glyph in the fonts the window uses.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>

#include "app/model/language_choice.hpp"
#include "app/model/translate.hpp"
#include "catalogue_scan.hpp"
#include "core/lessons/lessons.hpp"
#include "core/tensor/check.hpp"
#include "skip_case.hpp"
#include "temp_folder.hpp"

using namespace convscope;

namespace {

const std::string kSourceDir = CONVSCOPE_SOURCE_DIR;

Catalogue shipped(const char* code) {
    return load_catalogue_folder(kSourceDir + "/assets/lang/" + code);
}

// The templates of core's translatable errors (and the few the app model raises), with
// the words they take as values: shown_text() translates them.
std::set<std::string> message_texts() {
    std::set<std::string> texts = testing::message_templates(kSourceDir + "/core");
    const std::set<std::string> app = testing::message_templates(kSourceDir + "/app");
    texts.insert(app.begin(), app.end());
    return texts;
}

// The texts the window shows that come from core rather than from tr() calls: the
// lessons' words.
std::set<std::string> core_texts() {
    std::set<std::string> texts;
    for (const Lesson& lesson : lessons()) {
        for (const std::string* text :
             {&lesson.title, &lesson.explanation, &lesson.erratum, &lesson.expected}) {
            if (!text->empty()) texts.insert(*text);
        }
    }
    return texts;
}

std::vector<unsigned> code_points(const std::string& text) {
    std::vector<unsigned> out;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned code = length == 1 ? c : c & (0xFF >> (length + 1));
        for (int k = 1; k < length && i + k < text.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(code);
        i += static_cast<std::size_t>(length);
    }
    return out;
}

struct FontFile {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    bool open(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) return false;
        bytes.assign(std::istreambuf_iterator<char>(in), {});
        const int offset = stbtt_GetFontOffsetForIndex(bytes.data(), 0);
        return offset >= 0 && stbtt_InitFont(&info, bytes.data(), offset) != 0;
    }
    bool has(unsigned code) { return stbtt_FindGlyphIndex(&info, static_cast<int>(code)) != 0; }
};

}  // namespace

TEST_CASE("a .po file: entries, continuation lines, escapes, comments, the header") {
    Catalogue catalogue;
    catalogue.add_po(R"(# a comment
msgid ""
msgstr "Language: zh_CN\n"

msgid "Input {h}×{w}"
msgstr "输入 {h}×{w}"

msgid "two "
"lines\n"
msgstr "两\"行\"\n"

msgid "untranslated"
msgstr ""
)",
                     "test.po");
    REQUIRE(catalogue.entries().size() == 3);
    CHECK(*catalogue.find("Input {h}×{w}") == "输入 {h}×{w}");
    CHECK(*catalogue.find("two lines\n") == "两\"行\"\n");
    CHECK(catalogue.find("untranslated") == nullptr);  // empty: falls back to English
    CHECK(catalogue.find("") == nullptr);              // the header is not an entry
    CHECK(catalogue.entries()[1].line == 8);
}

TEST_CASE("a broken .po file names the file and the line") {
    const std::vector<std::pair<std::string, std::string>> broken = {
        {"msgid \"a\"\n", "test.po:1: msgid \"a\" has no msgstr"},
        {"msgid \"a\"\nmsgstr \"b\"\nmsgid \"a\"\nmsgstr \"c\"\n", "test.po:3"},
        {"msgstr \"b\"\n", "test.po:1: msgstr without its msgid"},
        {"msgid \"a\\q\"\nmsgstr \"b\"\n", "test.po:1: unknown escape"},
        {"msgid a\nmsgstr \"b\"\n", "test.po:1: expected a \"quoted\" string"},
        {"hello\n", "test.po:1: expected msgid"},
    };
    for (const auto& [text, message] : broken) {
        Catalogue catalogue;
        try {
            catalogue.add_po(text, "test.po");
            FAIL("accepted: " << text);
        } catch (const InputError& error) {
            CHECK(std::string(error.what()).find(message) != std::string::npos);
        }
    }
}

TEST_CASE("tr and trf: English is the source; Chinese from the catalogue, values filled in") {
    Catalogue catalogue;
    catalogue.add_po("msgid \"Step {t} of {n}\"\nmsgstr \"第 {t} 步，共 {n} 步\"\n", "t.po");
    use_catalogue(Language::Chinese, catalogue);
    CHECK(trf("Step {t} of {n}", {{"t", "3"}, {"n", "9"}}) == "第 3 步，共 9 步");
    CHECK(std::string(tr("not in the catalogue")) == "not in the catalogue");
    use_catalogue(Language::English, Catalogue{});
    CHECK(trf("Step {t} of {n}", {{"t", "3"}, {"n", "9"}}) == "Step 3 of 9");
    CHECK(placeholders_of("{a} and {b} and {a}, not { c } or {}") ==
          std::vector<std::string>{"a", "b"});
}

TEST_CASE("languages from --lang and from the locale") {
    CHECK(parse_language("zh") == Language::Chinese);
    CHECK(parse_language("zh_CN.UTF-8") == Language::Chinese);
    CHECK(parse_language("en") == Language::English);
    CHECK_FALSE(parse_language("fr").has_value());
    setenv("LC_ALL", "", 1);
    setenv("LC_MESSAGES", "zh_CN.UTF-8", 1);
    setenv("LANG", "en_US.UTF-8", 1);
    CHECK(language_from_environment() == Language::Chinese);  // LC_MESSAGES before LANG
    setenv("LC_ALL", "C", 1);
    CHECK(language_from_environment() == Language::English);  // LC_ALL first
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
    CHECK(language_from_environment() == Language::English);
}

TEST_CASE("the starting language: --lang, else the remembered choice, else the locale") {
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "zh_CN.UTF-8", 1);
    CHECK(starting_language(std::nullopt, std::nullopt) == Language::Chinese);
    CHECK(starting_language(std::nullopt, Language::English) == Language::English);
    CHECK(starting_language(Language::Chinese, Language::English) == Language::Chinese);
    unsetenv("LANG");
    CHECK(starting_language(std::nullopt, std::nullopt) == Language::English);
}

TEST_CASE("the Chinese catalogue: placeholders agree, and every entry is used") {
    const Catalogue catalogue = shipped("zh");
    REQUIRE_FALSE(catalogue.empty());
    std::set<std::string> used = testing::marked_texts(kSourceDir + "/app");
    const std::set<std::string> core = core_texts();
    used.insert(core.begin(), core.end());
    const std::set<std::string> messages = message_texts();
    used.insert(messages.begin(), messages.end());
    for (const CatalogueEntry& entry : catalogue.entries()) {
        INFO(entry.file << ":" << entry.line << " \"" << entry.english << "\"");
        CHECK_FALSE(entry.translation.empty());
        CHECK(placeholders_of(entry.english) == placeholders_of(entry.translation));
        CHECK_MESSAGE(used.count(entry.english) == 1, "no tr(), trf(), N_() or Message() uses it");
    }
}

TEST_CASE("every message template of core has its Chinese text") {
    const Catalogue catalogue = shipped("zh");
    const std::set<std::string> templates = message_texts();
    CHECK(templates.count("{setting}={value} must be at least {bound}") == 1);  // the scan works
    CHECK(templates.size() > 100);
    for (const std::string& text : templates) {
        INFO("Message(\"" << text << "\")");
        CHECK_MESSAGE(catalogue.find(text) != nullptr, "not in assets/lang/zh/messages.po");
    }
}

TEST_CASE(
    "the Chinese catalogue has every lesson's words, and transposed guide titles keep the prefix") {
    const Catalogue catalogue = shipped("zh");
    for (const std::string& text : core_texts()) {
        INFO("\"" << text << "\"");
        CHECK_MESSAGE(catalogue.find(text) != nullptr, "no Chinese for this lesson text");
    }
    // The lesson list cuts the translated "Transposed: " from these titles.
    const std::string* prefix = catalogue.find("Transposed: ");
    REQUIRE(prefix != nullptr);
    for (const Lesson& lesson : lessons()) {
        if (lesson_group(lesson) != LessonGroup::GuideTransposed) continue;
        const std::string* title = catalogue.find(lesson.title);
        REQUIRE_MESSAGE(title != nullptr, lesson.title);
        CHECK_MESSAGE(title->compare(0, prefix->size(), *prefix) == 0, *title);
    }
}

TEST_CASE("every text the window's code marks has its Chinese") {
    const Catalogue catalogue = shipped("zh");
    std::vector<std::string> missing;
    for (const std::string& english : testing::marked_texts(kSourceDir + "/app")) {
        if (catalogue.find(english) == nullptr) missing.push_back(english);
    }
    for (const std::string& english : missing) INFO("no Chinese for \"" << english << "\"");
    CHECK_MESSAGE(missing.empty(), missing.size()
                                       << " texts without Chinese, the first: \""
                                       << (missing.empty() ? "" : missing.front()) << "\"");
}

TEST_CASE("every character of the Chinese catalogue has a glyph in the window's fonts") {
    FontFile cjk, dejavu;
    if (!cjk.open("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")) {
        SKIP_TEST_CASE("fonts-wqy-microhei is not installed");
    }
    const bool has_dejavu = dejavu.open("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    std::set<unsigned> missing;
    const Catalogue catalogue = shipped("zh");
    for (const CatalogueEntry& entry : catalogue.entries()) {
        for (const unsigned code : code_points(entry.translation)) {
            if (code < 0x20) continue;
            if (!cjk.has(code) && !(has_dejavu && dejavu.has(code))) missing.insert(code);
        }
    }
    CHECK_MESSAGE(missing.empty(), "characters without a glyph: " << missing.size());
}
