// Lesson files in the app model: Save and Open go through Actions and the reducer (the
// panel never touches files), the message line says where the file went or why not,
// and the window's --open / --set / --step resolve to one checked starting state.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/model/lesson_start.hpp"
#include "app/model/reducer.hpp"
#include "app/model/translate.hpp"
#include "app_model_fixture.hpp"
#include "lesson_setup_equal.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

// The shared model, with a lesson file's Save, Open and a typed edit as actions.
struct Model : AppModel {
    using AppModel::AppModel;
    void save(const std::string& path) {
        Actions actions;
        actions.save_lesson_file = path;
        apply(actions);
    }
    void open(const std::string& path) {
        Actions actions;
        actions.open_lesson_file = path;
        apply(actions);
    }
    void edit(const std::string& overrides) {
        Actions actions;
        actions.edit_setup = apply_setting_overrides(scene.playground.setup, overrides);
        apply(actions);
    }
};

std::string absolute(const std::string& path) {
    return std::filesystem::absolute(path).lexically_normal().string();
}

}  // namespace

TEST_CASE("Save writes the lesson on screen, its step and every value, and says where") {
    TempFolder folder;
    Model model("padding");
    model.edit("input=6x5,filters=2,bias=on,seed=9");  // seeded values: saved explicitly
    model.state.playback.step = 7;
    model.save(folder.file("talk.json"));
    CHECK_FALSE(model.state.lesson_file.failed);
    CHECK(model.state.lesson_file.reveal);
    CHECK(model.state.lesson_file.message == "Saved padding, step 8 of " +
                                                 std::to_string(model.scene.step_count()) +
                                                 ", to " + absolute(folder.file("talk.json")));
    const LessonState saved = load_lesson_state(folder.file("talk.json"));
    CHECK(saved.lesson_id == "padding");
    CHECK(saved.step == 7);
    CHECK(saved.setup.input_values == model.scene.playground.input.values());
    CHECK(saved.setup.kernel_values == model.scene.playground.kernel.values());
    CHECK(saved.setup.bias_values == model.scene.playground.bias);
    CHECK(same_setup(saved.setup, with_explicit_values(model.scene.playground)));
}

TEST_CASE("Open restores the lesson, setup and step from any lesson, and says from where") {
    TempFolder folder;
    Model saver("stride", 2);
    saver.edit("input=7,stride=2x1");
    saver.state.playback.step = 3;
    saver.save(folder.file("stride.json"));

    Model model("max-pool", 1);
    model.state.mode = Mode::Network;
    model.state.selected_cell.tensor = CellRef::Tensor::Input;
    model.open(folder.file("stride.json"));
    CHECK_FALSE(model.state.lesson_file.failed);
    CHECK(model.state.mode == Mode::Convolution);
    CHECK(model.state.scene == "stride");
    CHECK(model.scene.lesson->id == "stride");
    CHECK(model.state.playback.step == 3);
    CHECK(model.state.selected_cell.tensor == CellRef::Tensor::None);
    CHECK(same_setup(model.scene.draft, with_explicit_values(saver.scene.playground)));
    CHECK(model.scene.playground.output.values() == saver.scene.playground.output.values());
    CHECK(model.state.lesson_file.message.rfind("Opened stride, step 4 of ", 0) == 0);
    CHECK(model.state.lesson_file.message.find(absolute(folder.file("stride.json"))) !=
          std::string::npos);
}

TEST_CASE("the Saved and Opened messages are in the language on screen") {
    TempFolder folder;
    Model model("stride", 2);
    const TextArgs values = {{"lesson", "stride"},
                             {"t", "3"},
                             {"n", std::to_string(model.scene.step_count())},
                             {"path", absolute(folder.file("talk.json"))}};
    REQUIRE(use_language(Language::Chinese).empty());
    // The translations as the catalogue has them, copied: switching back replaces it.
    const std::string saved = tr("Saved {lesson}, step {t} of {n}, to {path}");
    const std::string opened = tr("Opened {lesson}, step {t} of {n}, from {path}");
    model.save(folder.file("talk.json"));
    const std::string saved_message = model.state.lesson_file.message;
    model.open(folder.file("talk.json"));
    const std::string opened_message = model.state.lesson_file.message;
    use_language(Language::English);
    CHECK(saved_message == fill_placeholders(saved, values));
    CHECK(opened_message == fill_placeholders(opened, values));
    CHECK(saved_message.find("step") == std::string::npos);  // not the English sentence
}

TEST_CASE("a file that cannot be opened or written leaves the lesson and says why") {
    TempFolder folder;
    Model model("conv-basic", 4);
    model.open(folder.file("missing.json"));
    CHECK(model.state.lesson_file.failed);
    CHECK(model.state.lesson_file.message ==
          "lesson file '" + folder.file("missing.json") + "' does not exist");
    CHECK(model.state.scene == "conv-basic");
    CHECK(model.state.playback.step == 4);
    // The translatable form beside the English line.
    CHECK(model.state.lesson_file.error_message.english() == model.state.lesson_file.message);
    CHECK(model.state.lesson_file.error_message.english_template() ==
          "lesson file '{path}' does not exist");

    model.save(folder.file("no-folder/x.json"));
    CHECK(model.state.lesson_file.failed);
    CHECK(model.state.lesson_file.message.find("cannot write lesson file") != std::string::npos);
    const Message& written = model.state.lesson_file.error_message;
    CHECK(written.english_template() == "cannot write {what} '{path}': {reason}");
    REQUIRE(written.value("what") != nullptr);
    CHECK(written.value("what")->english_template() == "lesson file");  // translated too
    CHECK(!std::filesystem::exists(folder.file("no-folder")));
    model.save(folder.file("ok.json"));  // the next success clears the error
    CHECK_FALSE(model.state.lesson_file.failed);
    CHECK(model.state.lesson_file.error_message.empty());
}

TEST_CASE("Save keeps the last valid scene, not a refused draft") {
    TempFolder folder;
    Model model;
    Actions refused;
    refused.edit_setup = model.scene.playground.setup;
    refused.edit_setup->kernel_h = 9;  // larger than the padded input
    model.apply(refused);
    REQUIRE_FALSE(model.scene.error.empty());
    model.save(folder.file("basic.json"));
    CHECK(load_lesson_state(folder.file("basic.json")).setup.kernel_h == 3);
}

TEST_CASE("the path field, the message's reveal and merge") {
    Model model;
    CHECK(model.state.lesson_file.path == "lesson.json");
    Actions typed;
    typed.lesson_path_field = "week3/padding.json";
    model.apply(typed);
    CHECK(model.state.lesson_file.path == "week3/padding.json");
    model.state.lesson_file.reveal = true;
    Actions shown;
    shown.lesson_message_revealed = true;
    model.apply(shown);
    CHECK_FALSE(model.state.lesson_file.reveal);

    Actions a, b;
    b.save_lesson_file = "x.json";
    b.open_lesson_file = "y.json";
    b.lesson_path_field = "z.json";
    b.lesson_message_revealed = true;
    a.merge(b);
    CHECK(a.save_lesson_file == "x.json");
    CHECK(a.open_lesson_file == "y.json");
    CHECK(a.lesson_path_field == std::optional<std::string>("z.json"));
    CHECK(a.lesson_message_revealed);
}

TEST_CASE("show_lesson_state refuses a setup core refuses or a step past the end") {
    Model model("stride", 2);
    LessonState bad{"conv-basic", 0, find_lesson("conv-basic")->setup};
    bad.setup.kernel_values.clear();
    bad.setup.kernel_h = 9;
    CHECK_THROWS_AS(show_lesson_state(bad, model.state, model.scene), InputError);
    LessonState late{"conv-basic", 9, find_lesson("conv-basic")->setup};
    CHECK(input_error_of([&] { show_lesson_state(late, model.state, model.scene); }) ==
          "step 9 is out of range: conv-basic has 9 steps (0 to 8)");
    CHECK(model.state.scene == "stride");
    CHECK(model.state.playback.step == 2);
}

TEST_CASE("the window's start: --scene or --open, then --set, then --step") {
    const LessonState plain = starting_lesson_state({"conv-basic", "", "", std::nullopt});
    CHECK(plain.step == 0);
    CHECK(same_setup(plain.setup, find_lesson("conv-basic")->setup));

    const LessonState set = starting_lesson_state({"padding", "", "stride=2,input=6", 1});
    CHECK(set.lesson_id == "padding");
    CHECK(set.step == 1);
    CHECK(set.setup.options.h.stride == 2);
    CHECK(set.setup.input_h == 6);

    TempFolder folder;
    save_lesson_state(folder.file("f.json"),
                      {"conv-basic", 8,
                       with_explicit_values(build_playground(find_lesson("conv-basic")->setup))});
    const LessonState opened = starting_lesson_state({"", folder.file("f.json"), "", std::nullopt});
    CHECK(opened.lesson_id == "conv-basic");
    CHECK(opened.step == 8);
    // --set shortens the trace to 4 steps: the file's step 8 becomes the last one.
    const LessonState shortened =
        starting_lesson_state({"", folder.file("f.json"), "stride=2", std::nullopt});
    CHECK(shortened.step == 3);
    CHECK(starting_lesson_state({"", folder.file("f.json"), "", 2}).step == 2);

    CHECK(input_error_of([] {
              starting_lesson_state({"conv-basic", "", "", 9});
          }) == "--step 9 is out of range: conv-basic has 9 steps (0 to 8)");
    CHECK(input_error_of([] {
              starting_lesson_state({"conv-basic", "", "strides=2", {}});
          }).rfind("--set: unknown setting 'strides'; the keys are op, input", 0) == 0);
    CHECK(input_error_of([] {
              starting_lesson_state({"conv-basic", "", "kernel=7", {}});
          }).rfind("--set: kernel k=7 is larger than", 0) == 0);
    CHECK(input_error_of([&] {
              starting_lesson_state({"", folder.file("none.json"), "", {}});
          }) == "lesson file '" + folder.file("none.json") + "' does not exist");
    CHECK(input_error_of([] {
              starting_lesson_state({"nope", "", "", {}});
          }).rfind("unknown scene 'nope'; scenes are: conv-basic", 0) == 0);
}
