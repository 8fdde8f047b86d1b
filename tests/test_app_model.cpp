// The reducer (app/model/reducer.hpp): how panels' Actions change the app's state and
// the lesson on screen, with no window. conv-basic is the chapter's 5x5 input and 3x3
// kernel: 9 steps, one per output cell.
#include <doctest/doctest.h>

#include "app/model/reducer.hpp"
#include "app_model_fixture.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

using Model = testing::AppModel;

Actions step_by(int steps) {
    Actions actions;
    actions.step_by = steps;
    return actions;
}

Actions toggle_play() {
    Actions actions;
    actions.toggle_play = true;
    return actions;
}

}  // namespace

TEST_CASE("show_lesson opens a lesson at a clamped step, paused, with nothing selected") {
    Model model("padding", 1000);
    CHECK(model.state.mode == Mode::Convolution);
    CHECK(model.state.scene == "padding");
    CHECK(model.scene.lesson->id == "padding");
    CHECK(model.state.playback.step == model.last());
    CHECK_FALSE(model.state.playback.playing);

    model.state.selected_cell.tensor = CellRef::Tensor::Input;
    model.state.field_unit = UnitRef{1, 1};
    model.state.mode = Mode::Draw;
    show_lesson("conv-basic", -3, model.state, model.scene);
    CHECK(model.state.mode == Mode::Convolution);
    CHECK(model.state.playback.step == 0);
    CHECK(model.state.selected_cell.tensor == CellRef::Tensor::None);
    CHECK(model.state.field_unit.y == -1);
}

TEST_CASE("an unknown lesson throws and changes nothing") {
    Model model("conv-basic", 4);
    CHECK_THROWS_AS(show_lesson("no-such-lesson", 0, model.state, model.scene), InputError);
    CHECK(model.state.scene == "conv-basic");
    CHECK(model.scene.lesson->id == "conv-basic");
    CHECK(model.state.playback.step == 4);
}

TEST_CASE("selecting another lesson opens it at step 0; selecting the shown one keeps the step") {
    Model model("conv-basic", 4);
    Actions same;
    same.select_scene = "conv-basic";
    model.apply(same);
    CHECK(model.state.playback.step == 4);

    Actions other;
    other.select_scene = "stride";
    model.apply(other);
    CHECK(model.state.scene == "stride");
    CHECK(model.scene.lesson->id == "stride");
    CHECK(model.state.playback.step == 0);
}

TEST_CASE("stepping moves by whole steps and stays within the trace") {
    Model model;
    REQUIRE(model.scene.step_count() == 9);
    model.apply(step_by(2));
    CHECK(model.state.playback.step == 2);
    model.apply(step_by(-5));
    CHECK(model.state.playback.step == 0);
    model.apply(step_by(100));
    CHECK(model.state.playback.step == model.last());

    Actions jump;
    jump.go_to_step = 3;
    model.apply(jump);
    CHECK(model.state.playback.step == 3);
    jump.go_to_step = kLastStep;
    model.apply(jump);
    CHECK(model.state.playback.step == model.last());
    // go_to_step first, then step_by.
    jump.go_to_step = 0;
    jump.step_by = 2;
    model.apply(jump);
    CHECK(model.state.playback.step == 2);
}

TEST_CASE("stepping by hand stops play") {
    Model model("conv-basic", 3);
    model.apply(toggle_play());
    REQUIRE(model.state.playback.playing);
    model.apply(step_by(1));
    CHECK_FALSE(model.state.playback.playing);
    CHECK(model.state.playback.step == 4);
}

TEST_CASE("play at the end starts over; play elsewhere keeps the step") {
    Model model("conv-basic", 5);
    model.apply(toggle_play());
    CHECK(model.state.playback.playing);
    CHECK(model.state.playback.step == 5);
    model.apply(toggle_play());
    CHECK_FALSE(model.state.playback.playing);
    CHECK(model.state.playback.step == 5);

    Model at_end("conv-basic", 8);
    at_end.apply(toggle_play());
    CHECK(at_end.state.playback.playing);
    CHECK(at_end.state.playback.step == 0);
}

TEST_CASE("playing advances at the set speed and stops on the last step") {
    Model model;
    model.state.playback.steps_per_second = 2.0f;
    advance_playback(10.0, model.state, model.scene);
    CHECK(model.state.playback.step == 0);  // paused: time does nothing

    model.apply(toggle_play());
    advance_playback(0.25, model.state, model.scene);
    CHECK(model.state.playback.step == 0);  // half a step so far
    advance_playback(0.25, model.state, model.scene);
    CHECK(model.state.playback.step == 1);
    advance_playback(1.0, model.state, model.scene);
    CHECK(model.state.playback.step == 3);
    advance_playback(60.0, model.state, model.scene);
    CHECK(model.state.playback.step == model.last());
    CHECK_FALSE(model.state.playback.playing);
}

TEST_CASE("toggling play forgets time not yet turned into a step") {
    Model model;
    model.apply(toggle_play());
    advance_playback(0.4, model.state, model.scene);  // 0.8 of a step at 2 per second
    model.apply(toggle_play());
    model.apply(toggle_play());
    advance_playback(0.4, model.state, model.scene);
    CHECK(model.state.playback.step == 0);
}

TEST_CASE("the speed stays within its bounds; 0 keeps it") {
    Model model;
    Actions speed;
    speed.set_speed = 5.0f;
    model.apply(speed);
    CHECK(model.state.playback.steps_per_second == 5.0f);
    speed.set_speed = 1000.0f;
    model.apply(speed);
    CHECK(model.state.playback.steps_per_second == kMaxStepsPerSecond);
    speed.set_speed = 0.01f;
    model.apply(speed);
    CHECK(model.state.playback.steps_per_second == kMinStepsPerSecond);
    model.apply(Actions{});
    CHECK(model.state.playback.steps_per_second == kMinStepsPerSecond);
}

TEST_CASE("a shape edit restarts the trace; a value edit keeps the step") {
    Model model("conv-basic", 6);
    Actions edit;
    edit.edit_setup =
        with_cell_value(model.scene.playground, {CellRef::Tensor::Input, 0, 0, 0, 0}, 9.0f);
    model.apply(edit);
    CHECK(model.scene.error.empty());
    CHECK(model.state.playback.step == 6);

    PlaygroundSetup larger = model.scene.playground.setup;
    larger.input_h = larger.input_w = 7;
    edit.edit_setup = larger;
    model.apply(edit);
    CHECK(model.scene.step_count() == 25);
    CHECK(model.state.playback.step == 0);
}

TEST_CASE("an invalid edit keeps the trace and the step") {
    Model model("conv-basic", 6);
    PlaygroundSetup invalid = model.scene.playground.setup;
    invalid.kernel_h = invalid.kernel_w = 9;  // larger than the 5x5 input, no padding
    Actions edit;
    edit.edit_setup = invalid;
    model.apply(edit);
    CHECK_FALSE(model.scene.error.empty());
    CHECK(model.scene.step_count() == 9);
    CHECK(model.state.playback.step == 6);
}

TEST_CASE("selecting a cell, a unit or a feature unit twice lets it go") {
    Model model;
    const CellRef cell{CellRef::Tensor::Kernel, 0, 0, 1, 2};
    Actions select;
    select.select_cell = cell;
    model.apply(select);
    CHECK(model.state.selected_cell == cell);
    const CellRef other{CellRef::Tensor::Input, 0, 0, 3, 3};
    Actions select_other;
    select_other.select_cell = other;
    model.apply(select_other);
    CHECK(model.state.selected_cell == other);
    model.apply(select_other);
    CHECK(model.state.selected_cell == CellRef{});

    Actions unit;
    unit.select_unit = UnitRef{2, 3};
    model.apply(unit);
    CHECK(model.state.field_unit.y == 2);
    CHECK(model.state.field_unit.x == 3);
    model.apply(unit);
    CHECK(model.state.field_unit.y == -1);
    CHECK(model.state.field_unit.x == -1);

    Actions feature;
    feature.live.select_unit = FeatureUnit{2, 4, 5, 6};
    model.apply(feature);
    CHECK(model.state.network.unit == FeatureUnit{2, 4, 5, 6});
    model.apply(feature);
    CHECK_FALSE(model.state.network.unit.chosen());
}

TEST_CASE("two panels' toggles merged in one frame toggle once") {
    Actions keyboard = toggle_play(), timeline = toggle_play();
    keyboard.toggle_lessons = timeline.toggle_lessons = true;
    keyboard.toggle_controls = timeline.toggle_controls = true;
    keyboard.toggle_presentation = timeline.toggle_presentation = true;
    keyboard.toggle_shortcuts = timeline.toggle_shortcuts = true;
    keyboard.toggle_fullscreen = timeline.toggle_fullscreen = true;
    keyboard.live.toggle_gradients = timeline.live.toggle_gradients = true;
    keyboard.merge(timeline);

    Model model("conv-basic", 2);
    const AppState before = model.state;
    const WindowRequests requests = model.apply(keyboard);
    CHECK(model.state.playback.playing);
    CHECK(model.state.show_lessons != before.show_lessons);
    CHECK(model.state.show_controls != before.show_controls);
    CHECK(model.state.presentation != before.presentation);
    CHECK(model.state.show_shortcuts != before.show_shortcuts);
    CHECK(model.state.network.show_gradients != before.network.show_gradients);
    CHECK(requests.toggle_fullscreen);
}

TEST_CASE("merge adds steps and lets the later panel's choices win") {
    Actions first, second;
    first.step_by = 1;
    second.step_by = 2;
    first.text_size_steps = 1;
    second.text_size_steps = 1;
    first.select_mode = Mode::Network;
    second.select_mode = Mode::Images;
    first.live.strokes.push_back({0, 0, 1, 1});
    second.live.strokes.push_back({1, 1, 2, 2});
    first.merge(second);
    CHECK(first.step_by == 3);
    CHECK(first.text_size_steps == 2);
    CHECK(first.select_mode == Mode::Images);
    CHECK(first.live.strokes.size() == 2);
}

TEST_CASE("text size moves in steps of 10% within its bounds") {
    Model model;
    Actions larger;
    larger.text_size_steps = 1;
    model.apply(larger);
    CHECK(model.state.text_scale == doctest::Approx(1.1f));
    larger.text_size_steps = 3;
    model.apply(larger);
    CHECK(model.state.text_scale == doctest::Approx(1.4f));
    larger.text_size_steps = 100;
    model.apply(larger);
    CHECK(model.state.text_scale == kMaxTextScale);

    Actions smaller;
    smaller.text_size_steps = -100;
    model.apply(smaller);
    CHECK(model.state.text_scale == kMinTextScale);

    Actions reset;
    reset.reset_text_size = true;
    model.apply(reset);
    CHECK(model.state.text_scale == 1.0f);
    // Reset first, then the steps of the same frame.
    reset.text_size_steps = -2;
    model.apply(reset);
    CHECK(model.state.text_scale == doctest::Approx(0.8f));
}

TEST_CASE("fullscreen and quit come back as window requests") {
    Model model;
    CHECK_FALSE(model.apply(Actions{}).quit);
    Actions actions;
    actions.leave_fullscreen = true;
    actions.quit = true;
    const WindowRequests requests = model.apply(actions);
    CHECK(requests.leave_fullscreen);
    CHECK(requests.quit);
    CHECK_FALSE(requests.toggle_fullscreen);
}

TEST_CASE("the shortcuts window closes whatever its toggle says") {
    Model model;
    Actions actions;
    actions.toggle_shortcuts = true;
    model.apply(actions);
    CHECK(model.state.show_shortcuts);
    actions.close_shortcuts = true;
    model.apply(actions);
    CHECK_FALSE(model.state.show_shortcuts);
}

TEST_CASE("the PyTorch window opens and closes on its toggle, merged once from two panels") {
    Model model;
    Actions button;
    Actions close_box;
    button.toggle_pytorch = close_box.toggle_pytorch = true;
    button.merge(close_box);
    model.apply(button);
    CHECK(model.state.show_pytorch);
    model.apply(close_box);
    CHECK_FALSE(model.state.show_pytorch);
}

TEST_CASE("live view actions set the network and images fields") {
    Model model;
    Actions actions;
    actions.select_mode = Mode::Images;
    actions.live.open_layer = 3;
    actions.live.data_folder_field = std::string("/data/mnist");
    actions.live.path_field = std::string("cat.png");
    actions.live.select_kernel = 2;
    actions.live.feature_layer = 1;
    CustomKernelValues custom{};
    custom[4] = 1;
    actions.live.custom_kernel = custom;
    model.apply(actions);
    CHECK(model.state.mode == Mode::Images);
    CHECK(model.state.network.open_layer == 3);
    CHECK(model.state.network.data_folder == "/data/mnist");
    CHECK(model.state.images.path_field == "cat.png");
    CHECK(model.state.images.kernel == 2);
    CHECK(model.state.images.feature_layer == 1);
    CHECK(model.state.images.custom == custom);
}
