// The matrix lessons' switches through the reducer (issue 11): a transposed conv's
// scatter or direct view, and the kernel turned 180° in the correlation lesson. Each
// is an Action; opening a lesson puts both back to the lesson's own view.
#include <doctest/doctest.h>

#include "app_model_fixture.hpp"

using namespace convscope;
using Model = testing::AppModel;

namespace {

Actions toggle_direct() {
    Actions actions;
    actions.toggle_direct_view = true;
    return actions;
}

Actions toggle_turned() {
    Actions actions;
    actions.toggle_kernel_turned = true;
    return actions;
}

}  // namespace

TEST_CASE("the direct view switch: scatter and direct views of the same steps") {
    Model model("ca-padding-strides-odd-transposed", 5);
    CHECK(model.scene.view == LessonView::Steps);
    CHECK(std::holds_alternative<std::monostate>(model.scene.figure));

    model.apply(toggle_direct());
    CHECK(model.scene.view == LessonView::TransposedDirect);
    const auto* figure = std::get_if<TransposedDirectFigure>(&model.scene.figure);
    REQUIRE(figure != nullptr);
    CHECK(figure->direct.output.values() == model.scene.playground.output.values());
    CHECK(model.state.playback.step == 5);  // the same output cell, the other view

    // A settings edit rebuilds the direct figure for the new settings.
    PlaygroundSetup wider = model.scene.draft;
    wider.input_h = wider.input_w = 4;
    Actions edit;
    edit.edit_setup = wider;
    model.apply(edit);
    figure = std::get_if<TransposedDirectFigure>(&model.scene.figure);
    REQUIRE(figure != nullptr);
    CHECK(figure->direct.output.values() == model.scene.playground.output.values());

    model.apply(toggle_direct());
    CHECK(model.scene.view == LessonView::Steps);
    CHECK(std::holds_alternative<std::monostate>(model.scene.figure));
}

TEST_CASE("the direct view lesson opens direct, and another lesson opens in its own view") {
    Model model("transposed-direct");
    CHECK(model.scene.view == LessonView::TransposedDirect);
    model.apply(toggle_direct());
    CHECK(model.scene.view == LessonView::Steps);
    Actions other;
    other.select_scene = "transposed";
    model.apply(other);
    CHECK(model.scene.view == LessonView::Steps);
    Actions back;
    back.select_scene = "transposed-direct";
    model.apply(back);
    CHECK(model.scene.view == LessonView::TransposedDirect);
}

TEST_CASE("the kernel switch turns the kernel, and a new lesson starts unturned") {
    Model model("correlation-vs-convolution");
    CHECK_FALSE(model.state.kernel_turned);
    model.apply(toggle_turned());
    CHECK(model.state.kernel_turned);
    model.apply(toggle_turned());
    CHECK_FALSE(model.state.kernel_turned);
    model.apply(toggle_turned());
    Actions other;
    other.select_scene = "conv-basic";
    model.apply(other);
    CHECK_FALSE(model.state.kernel_turned);
}

TEST_CASE("two panels asking for a switch in one frame switch once") {
    Actions merged = toggle_direct();
    merged.merge(toggle_direct());
    merged.merge(toggle_turned());
    merged.merge(toggle_turned());
    Model model("transposed");
    model.apply(merged);
    CHECK(model.scene.view == LessonView::TransposedDirect);
    CHECK(model.state.kernel_turned);
}

TEST_CASE("the direct view switch leaves other views alone") {
    for (const char* lesson : {"conv-basic", "same", "im2col"}) {
        INFO(lesson);
        Model model(lesson);
        const LessonView before = model.scene.view;
        model.apply(toggle_direct());
        CHECK(model.scene.view == before);
    }
}
