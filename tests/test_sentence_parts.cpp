// Sentences cut where coloured parts go (app/model/sentence_parts.hpp): the parts
// follow the translation's word order, and English keeps its runs as they were.
#include <doctest/doctest.h>

#include "app/model/sentence_parts.hpp"
#include "app/model/translate.hpp"

using namespace convscope;

namespace {

// "text|{0}|text": the parts written out, slots by index.
std::string joined(const std::vector<SentencePart>& parts) {
    std::string out;
    for (const SentencePart& part : parts) {
        if (!out.empty()) out += "|";
        out += part.slot < 0 ? part.text : "{" + std::to_string(part.slot) + "}";
    }
    return out;
}

}  // namespace

TEST_CASE("a sentence is cut at its slots, in the order the text has them") {
    CHECK(joined(cut_at_slots("max({terms}) = {value}", {"terms", "value"})) ==
          "max(|{0}|) = |{1}");
    // A slot named second may come first; no empty text between adjacent slots.
    CHECK(joined(cut_at_slots("{value}{terms} end", {"terms", "value"})) == "{1}|{0}| end");
    // A slot used twice, and braces that name no slot, which stay text.
    CHECK(joined(cut_at_slots("{a} {b} {a}", {"a"})) == "{0}| {b} |{0}");
    CHECK(joined(cut_at_slots("no slots here", {"value"})) == "no slots here");
    CHECK(cut_at_slots("", {"value"}).empty());
}

TEST_CASE("the Chinese order moves the coloured parts with the words") {
    Catalogue catalogue;
    catalogue.add_po(
        "msgid \"{n} of {total} cells differ: {value}\"\n"
        "msgstr \"{total}个中有{n}个不同：{value}\"\n",
        "t.po");
    use_catalogue(Language::Chinese, catalogue);
    const std::string text = fill_placeholders(tr("{n} of {total} cells differ: {value}"),
                                               {{"n", "4"}, {"total", "16"}});
    CHECK(joined(cut_at_slots(text, {"value"})) == "16个中有4个不同：|{0}");
    use_catalogue(Language::English, Catalogue{});
    const std::string english = fill_placeholders(tr("{n} of {total} cells differ: {value}"),
                                                  {{"n", "4"}, {"total", "16"}});
    CHECK(joined(cut_at_slots(english, {"value"})) == "4 of 16 cells differ: |{0}");
}
