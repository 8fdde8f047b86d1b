// Translatable messages (core/tensor/message.hpp) and InputError's form of them: the
// English text of real errors is exactly what the CLI printed before; the template,
// the values and the words among them stay reachable for a window to translate.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/formats/image_file.hpp"
#include "core/lessons/lesson_file.hpp"
#include "core/lessons/playground.hpp"
#include "core/ops/conv_geometry.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

template <typename Call>
InputError error_of(Call call) {
    try {
        call();
    } catch (const InputError& error) {
        return error;
    }
    FAIL("no InputError");
    return InputError("");
}

AxisParams axis(int input, int kernel, int stride = 1, int dilation = 1) {
    AxisParams params;
    params.input = input;
    params.kernel = kernel;
    params.stride = stride;
    params.dilation = dilation;
    return params;
}

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

TEST_CASE("real errors: what() is the English the CLI printed before, the form is translatable") {
    // Each expected text is the CLI's output before messages became translatable.
    const InputError stride = error_of([] { resolve_axis(OpKind::Conv, axis(5, 3, 0)); });
    CHECK(std::string(stride.what()) == "stride s=0 must be at least 1");
    CHECK(stride.message().english_template() == "{setting}={value} must be at least {bound}");
    REQUIRE(stride.message().value("setting") != nullptr);
    CHECK(stride.message().value("setting")->english_template() == "stride s");
    CHECK(stride.message().value("setting")->translatable());
    CHECK(stride.message().value("value")->english() == "0");

    const InputError dilated = error_of([] { resolve_axis(OpKind::Conv, axis(3, 3, 1, 2)); });
    CHECK(std::string(dilated.what()) ==
          "kernel k=3 (effective 5 with dilation) is larger than the padded input i+p=3+0=3; "
          "pad more or use a smaller kernel");

    const InputError height =
        error_of([] { resolve_geometry(OpKind::Conv, axis(5, 7), axis(6, 3)); });
    CHECK(std::string(height.what()) ==
          "height: kernel k=7 is larger than the padded input i+p=5+0=5; pad more or use a "
          "smaller kernel");
    CHECK(height.message().english_template() == "height: {reason}");
    CHECK(height.message().value("reason")->english_template() ==
          "kernel k={k} is larger than the padded input i+p={i}+{p}={padded}; pad more or use a "
          "smaller kernel");

    const InputError batch = error_of([] {
        PlaygroundSetup setup;
        setup.batch = 99;
        build_playground(setup);
    });
    CHECK(std::string(batch.what()) == "batch N=99 is out of range: 1 to 4 in the playground");
    CHECK(batch.message().value("setting")->english_template() == "batch N");

    const InputError lesson = error_of([] { decode_lesson_state("{", "broken.json"); });
    CHECK(std::string(lesson.what()) ==
          "lesson file 'broken.json': it is not valid JSON (at byte 2)");
    CHECK(lesson.message().english_template() == "lesson file '{name}': {reason}");
    CHECK(lesson.message().value("name")->english() == "broken.json");

    const InputError image = error_of([] {
        const std::uint8_t byte = 0;
        decode_image(&byte, 0, "empty.png", ImageChannels::AsStored);
    });
    CHECK(std::string(image.what()) == "image 'empty.png' is empty");
    CHECK(image.message().english_template() == "image '{name}' is empty");
}
