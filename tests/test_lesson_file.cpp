// Lesson state files: every lesson round-trips through the file and rebuilds the same
// numbers; every malformed file, and every file the window could not open, is refused
// with the file named and the problem said; files on disk are capped and written whole.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/lessons/lesson_file.hpp"
#include "core/lessons/lessons.hpp"
#include "lesson_setup_equal.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

LessonState saved_state_of(const Lesson& lesson, int step) {
    return {lesson.id, step, with_explicit_values(build_playground(lesson.setup))};
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// The conv-basic file with `from` replaced by `to` (which must occur once).
std::string edited(const std::string& from, const std::string& to) {
    std::string text = encode_lesson_state(saved_state_of(*find_lesson("conv-basic"), 4));
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string decode_error(const std::string& text) {
    return input_error_of([&] { decode_lesson_state(text, "talk.json"); });
}

}  // namespace

TEST_CASE("every lesson round-trips and rebuilds the same playground") {
    for (const Lesson& lesson : lessons()) {
        INFO(lesson.id);
        const Playground original = build_playground(lesson.setup);
        const int step = original.trace.step_count() / 2;
        const LessonState state = saved_state_of(lesson, step);
        const std::string text = encode_lesson_state(state);
        const LessonState back = decode_lesson_state(text, "round-trip");
        CHECK(back.lesson_id == lesson.id);
        CHECK(back.step == step);
        CHECK(same_setup(back.setup, state.setup));
        const Playground rebuilt = build_playground(back.setup);
        CHECK(rebuilt.output.shape() == original.output.shape());
        CHECK(rebuilt.output.values() == original.output.values());
        CHECK(rebuilt.trace.step_count() == original.trace.step_count());
        CHECK(encode_lesson_state(back) == text);  // a stable encoding: nothing drifts
        // The lesson's own setup, values drawn from the seed, round-trips too.
        const LessonState seeded{lesson.id, 0, lesson.setup};
        CHECK(same_setup(decode_lesson_state(encode_lesson_state(seeded), "seeded").setup,
                         lesson.setup));
    }
}

TEST_CASE("the file is small, readable JSON with its format, version and one row per line") {
    const std::string text = encode_lesson_state(saved_state_of(*find_lesson("conv-basic"), 4));
    CHECK(text.size() < 1000);
    CHECK(text.find("\"format\": \"convscope-lesson\"") != std::string::npos);
    CHECK(text.find("\"version\": 1") != std::string::npos);
    CHECK(text.find("\"lesson\": \"conv-basic\"") != std::string::npos);
    CHECK(text.find("\"step\": 4") != std::string::npos);
    CHECK(text.find("[3, 3, 2, 1, 0]") != std::string::npos);  // the chapter's first row
    CHECK(text.find("[0, 1, 2]") != std::string::npos);        // and its kernel's
}

TEST_CASE("values that are not whole numbers come back exactly, and padding modes by name") {
    PlaygroundSetup setup = find_lesson("conv-basic")->setup;
    setup.kernel_values = {0.1f, -1.5e-7f, 3.4e38f, 1.0f / 3.0f, -2.75f, 0, 1, 2, 1e-30f};
    setup.options.h.padding = Padding::parse("same");
    setup.options.w.padding = Padding::of(2);
    setup.has_bias = true;
    setup.bias_values = {-0.625f};
    const LessonState back =
        decode_lesson_state(encode_lesson_state({"conv-basic", 0, setup}), "exact");
    CHECK(same_setup(back.setup, setup));
}

TEST_CASE("malformed and unopenable files are refused with the file named and the problem") {
    const std::string ok = edited("\"step\": 4", "\"step\": 4");
    CHECK(decode_error(ok).empty());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{\"format\": ", "not valid JSON (at byte"},
        {"[1, 2, 3]", "not a lesson file"},
        {edited("convscope-lesson", "convscope-weights"), "not a lesson file"},
        {edited("\"version\": 1", "\"version\": 2"),
         "version 2 is not supported; this convscope reads version 1"},
        {edited("\"version\": 1", "\"version\": \"1\""), "version must be a whole number"},
        {edited("\"conv-basic\"", "\"no-such-lesson\""),
         "lesson 'no-such-lesson' is not one of this convscope's: conv-basic, "},
        {edited("\"lesson\": \"conv-basic\"", "\"lesson\": 7"), "lesson must be a lesson id"},
        {edited("\"step\": 4", "\"step\": 9"),
         "step 9 is out of range: the setup has 9 steps (0 to 8)"},
        {edited("\"step\": 4", "\"step\": -1"), "step -1 is out of range"},
        {edited("\"step\": 4", "\"step\": 2.5"), "step must be a whole number"},
        {edited("\"step\": 4,", ""), "step is missing"},
        {edited("\"step\": 4", "\"step\": 4, \"notes\": 1"), "unknown field \"notes\""},
        {edited("\"stride\"", "\"strides\""), "setup has an unknown field \"strides\""},
        {edited("\"stride\": [1, 1],", ""), "setup.stride is missing"},
        {edited("\"op\": \"conv\"", "\"op\": \"deconv\""), "op 'deconv' is none of conv"},
        {edited("\"bias\": false", "\"bias\": \"no\""), "setup.bias must be true or false"},
        {edited("\"stride\": [1, 1]", "\"stride\": [1, 1, 1]"),
         "setup.stride must be one value or [H, W]"},
        {edited("\"padding\": [0, 0]", "\"padding\": [\"half\", 0]"), "padding 'half' is not"},
        {edited("\"seed\": 1", "\"seed\": -1"), "setup.seed=-1 is out of range"},
        {edited("[3, 3, 2, 1, 0]", "[3, 3, 2, 1]"),
         "setup.input_values[0] has 4 numbers; the rows are 5 wide"},
        {edited("[3, 3, 2, 1, 0],", ""),
         "input_values has 20 numbers but the setup's shape takes 25"},
        {edited("[3, 3, 2, 1, 0]", "[3, 3, \"2\", 1, 0]"), "input_values[0][2] must be a number"},
        {edited("[3, 3, 2, 1, 0]", "[3, 3, 1e39, 1, 0]"), "too large for a float"},
        {edited("[3, 3, 2, 1, 0]", "[3, 3, 1e999, 1, 0]"), "too large for a float"},
        {edited("\"channels\": 1", "\"channels\": 2"),
         "input_values has 25 numbers but the setup's shape takes 50"},
        {edited("\"dilation\": [1, 1]", "\"dilation\": [0, 1]"), "dilation d=0 must be at least 1"},
        {edited("\"stride\": [1, 1]", "\"stride\": [99999, 1]"), "stride=99999 is out of range"},
        {std::string(kMaxLessonFileBytes + 1, ' '), "a lesson file is at most 1048576 bytes"},
    };
    for (const auto& [text, problem] : cases) {
        INFO(problem);
        const std::string message = decode_error(text);
        CHECK(message.rfind("lesson file 'talk.json': ", 0) == 0);
        CHECK(message.find(problem) != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    }
}

TEST_CASE("a setup core refuses is refused with core's reason, and no number may be infinite") {
    PlaygroundSetup setup = find_lesson("conv-basic")->setup;
    setup.kernel_h = setup.kernel_w = 7;
    setup.kernel_values.clear();
    CHECK(input_error_of([&] {
              encode_lesson_state({"conv-basic", 0, setup});
          }).find("larger than the padded input") != std::string::npos);
    PlaygroundSetup infinite = setup;
    infinite.kernel_h = infinite.kernel_w = 3;
    infinite.input_values[0] = std::numeric_limits<float>::infinity();
    CHECK(input_error_of([&] {
              encode_lesson_state({"conv-basic", 0, infinite});
          }) == "input_values holds a non-finite number");
}

TEST_CASE("a changed file is refused with InputError or read, never anything else") {
    const std::string text = encode_lesson_state(saved_state_of(*find_lesson("channels"), 3));
    std::mt19937 rng(7);
    const std::string alphabet = "{}[],:\"0123456789-.eE truefalsnul\\";
    int refused = 0, read = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string changed = text;
        const std::size_t at = rng() % changed.size();
        switch (rng() % 3) {
            case 0:
                changed.erase(at, 1 + rng() % 8);
                break;
            case 1:
                changed[at] = alphabet[rng() % alphabet.size()];
                break;
            default:
                changed.insert(at, changed.substr(rng() % changed.size(), rng() % 40));
        }
        try {
            decode_lesson_state(changed, "changed");
            ++read;
        } catch (const InputError&) {
            ++refused;
        }
    }
    CHECK(refused > 1000);
    CHECK(refused + read == 3000);
}

TEST_CASE("files: saved whole, loaded back, and missing, folder, huge or wrong files refused") {
    TempFolder folder;
    const LessonState state = saved_state_of(*find_lesson("stride"), 2);
    const std::string path = folder.file("stride.json");
    save_lesson_state(path, state);
    const LessonState back = load_lesson_state(path);
    CHECK(back.lesson_id == "stride");
    CHECK(back.step == 2);
    CHECK(same_setup(back.setup, state.setup));

    CHECK(input_error_of([&] { load_lesson_state(folder.file("none.json")); }) ==
          "lesson file '" + folder.file("none.json") + "' does not exist");
    CHECK(input_error_of([&] { load_lesson_state(folder.path()); }) ==
          "lesson file '" + folder.path() + "' is a folder, not a file");
    write_text(folder.file("huge.json"), std::string(kMaxLessonFileBytes + 10, ' '));
    CHECK(input_error_of([&] {
              load_lesson_state(folder.file("huge.json"));
          }).find("is 1048586 bytes; a lesson file is at most 1048576 bytes") != std::string::npos);
    write_text(folder.file("v2.json"), edited("\"version\": 1", "\"version\": 2"));
    CHECK(input_error_of([&] {
              load_lesson_state(folder.file("v2.json"));
          }).find("version 2 is not supported") != std::string::npos);

    // A folder that is not there, and a state that cannot be saved: nothing written.
    CHECK(input_error_of([&] {
              save_lesson_state(folder.file("no/such/x.json"), state);
          }).find("cannot write lesson file") != std::string::npos);
    LessonState bad = state;
    bad.lesson_id = "nope";
    CHECK(input_error_of([&] {
              save_lesson_state(folder.file("bad.json"), bad);
          }).rfind("cannot save lesson file '" + folder.file("bad.json") + "': lesson 'nope'", 0) ==
          0);
    CHECK(!std::filesystem::exists(folder.file("bad.json")));
}
