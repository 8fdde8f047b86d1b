// Translatable messages (core/tensor/message.hpp) and InputError's form of them: the
// template, the values and the words among them stay reachable for a window to translate.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

// A translation table as a catalogue would give it; unknown texts stay English.
Message::Translate table(const std::map<std::string, std::string>& texts) {
    return [texts](const std::string& english) {
        const auto found = texts.find(english);
        return found != texts.end() ? found->second : english;
    };
}

}  // namespace

TEST_CASE("a message fills its placeholders, and its template and values stay reachable") {
    const Message message("stride {value} is out of range: use 1 to {max}",
                          {{"value", 9}, {"max", std::string("4")}});
    CHECK(message.english() == "stride 9 is out of range: use 1 to 4");
    CHECK(message.english_template() == "stride {value} is out of range: use 1 to {max}");
    REQUIRE(message.values().size() == 2);
    CHECK(message.values()[0].name == "value");
    REQUIRE(message.value("max") != nullptr);
    CHECK(message.value("max")->english() == "4");
    CHECK_FALSE(message.value("max")->translatable());  // a literal value is never translated
    CHECK(message.value("none") == nullptr);
    CHECK(message.translatable());
    CHECK_FALSE(message.empty());
    CHECK(Message().empty());
}

TEST_CASE("translation applies to the template and to word values, never to literal values") {
    const Message inner("{setting}={value} must be at least {bound}",
                        {{"setting", Message("stride s")}, {"value", "stride s"}, {"bound", 1}});
    const Message message("height: {reason}", {{"reason", inner}});
    const auto chinese =
        table({{"height: {reason}", "高度：{reason}"},
               {"{setting}={value} must be at least {bound}", "{setting}={value} 不能小于{bound}"},
               {"stride s", "步幅 s"}});
    CHECK(message.text(chinese) == "高度：步幅 s=stride s 不能小于1");
    CHECK(message.english() == "height: stride s=stride s must be at least 1");
}

TEST_CASE("a value is not searched for placeholders, and a placeholder without a value stays") {
    const Message message("{a} and {b} and { c } and {a}", {{"a", "{b}"}, {"b", "x"}});
    CHECK(message.english() == "{b} and x and { c } and {b}");
    CHECK(Message("JSON object { ... } {unknown", {{"unknown", "y"}}).english() ==
          "JSON object { ... } {unknown");
}

TEST_CASE("a plain InputError is verbatim: its text, never translated") {
    const InputError error("something {odd} happened");
    CHECK(std::string(error.what()) == "something {odd} happened");
    CHECK_FALSE(error.message().translatable());
    CHECK(error.message().english_template() == "something {odd} happened");
    CHECK(error.message().text(table({{"something {odd} happened", "别的"}})) ==
          "something {odd} happened");
    const InputError copy = error;  // the form survives a copy (a rethrow, a catch by value)
    CHECK(&copy.message() == &error.message());
}
