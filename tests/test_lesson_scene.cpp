// A lesson opened in the window (app/model/lesson_scene.hpp): the draft the controls
// show, the last valid playground, and why a draft was refused.
#include <doctest/doctest.h>

#include "app/model/lesson_scene.hpp"
#include "app/model/translate.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

std::string error_of_opening(const std::string& id) {
    try {
        open_lesson(id);
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("open_lesson builds the lesson's own setup") {
    const LessonScene scene = open_lesson("conv-basic");
    REQUIRE(scene.lesson != nullptr);
    CHECK(scene.lesson->id == "conv-basic");
    CHECK(scene.error.empty());
    CHECK(scene.draft.input_values == scene.lesson->setup.input_values);
    CHECK(scene.playground.input.values() == scene.lesson->setup.input_values);
    CHECK(scene.playground.kernel.values() == scene.lesson->setup.kernel_values);
    CHECK(scene.step_count() == scene.playground.trace.step_count());
    CHECK(scene.step_count() == 9);  // one step per cell of the 3x3 output
}

TEST_CASE("an unknown lesson is an InputError that lists the lessons") {
    const std::string message = error_of_opening("no-such-lesson");
    CHECK(message.find("no-such-lesson") != std::string::npos);
    CHECK(message.find(lesson_ids(", ")) != std::string::npos);
    CHECK(lesson_ids(", ").find("conv-basic, ") == 0);
}

TEST_CASE("an invalid setup keeps the playground and says why") {
    LessonScene scene = open_lesson("conv-basic");
    const std::vector<float> output = scene.playground.output.values();
    PlaygroundSetup invalid = scene.draft;
    invalid.kernel_h = invalid.kernel_w = 7;  // larger than the 5x5 input, no padding
    invalid.kernel_values.clear();
    propose_setup(scene, invalid);
    CHECK_FALSE(scene.error.empty());
    CHECK(scene.draft.kernel_h == 7);  // the controls keep what the user typed
    CHECK(scene.playground.setup.kernel_h == 3);
    CHECK(scene.playground.output.values() == output);

    // A valid draft afterwards clears the error.
    PlaygroundSetup valid = scene.draft;
    valid.kernel_h = valid.kernel_w = 2;
    propose_setup(scene, valid);
    CHECK(scene.error.empty());
    CHECK(scene.playground.setup.kernel_h == 2);
    CHECK(scene.step_count() == 16);
}

TEST_CASE(
    "a refused setting keeps its reason's translatable form, which the window shows in Chinese") {
    LessonScene scene = open_lesson("conv-basic");
    PlaygroundSetup invalid = scene.draft;
    invalid.options.h.stride = invalid.options.w.stride = 0;
    propose_setup(scene, invalid);
    CHECK(scene.error == "stride s=0 must be at least 1");
    CHECK(scene.error_message.english() == scene.error);
    CHECK(scene.error_message.english_template() == "{setting}={value} must be at least {bound}");
    CHECK(shown_text(scene.error_message) == scene.error);  // English on screen: the same text

    use_catalogue(Language::Chinese,
                  load_catalogue_folder(std::string(CONVSCOPE_SOURCE_DIR) + "/assets/lang/zh"));
    const std::string chinese = shown_text(scene.error_message);
    use_catalogue(Language::English, Catalogue{});
    CHECK(chinese == "步幅 s=0 不能小于1");

    // The same through open_lesson_with (a lesson file's or --set's setup): the form survives.
    try {
        open_lesson_with("conv-basic", invalid);
        FAIL("accepted stride 0");
    } catch (const InputError& error) {
        CHECK(error.message().english_template() == scene.error_message.english_template());
    }

    propose_setup(scene, scene.lesson->setup);  // valid again: both forms cleared
    CHECK(scene.error.empty());
    CHECK(scene.error_message.empty());
}

TEST_CASE("values that no longer fit the new shapes are dropped; the others stay") {
    LessonScene scene = open_lesson("conv-basic");
    PlaygroundSetup larger = scene.draft;
    larger.input_h = larger.input_w = 6;  // 25 explicit input values no longer fit
    propose_setup(scene, larger);
    REQUIRE(scene.error.empty());
    CHECK(scene.draft.input_values.empty());
    CHECK(scene.playground.input.size() == 36);
    // The kernel's shape did not change: its values are the chapter's still.
    CHECK(scene.draft.kernel_values == scene.lesson->setup.kernel_values);
    CHECK(scene.playground.kernel.values() == scene.lesson->setup.kernel_values);

    PlaygroundSetup two_filters = scene.draft;
    two_filters.filters = 2;
    two_filters.has_bias = true;
    two_filters.bias_values = {1};  // one value for two filters
    propose_setup(scene, two_filters);
    REQUIRE(scene.error.empty());
    CHECK(scene.draft.kernel_values.empty());
    CHECK(scene.draft.bias_values.empty());
    CHECK(scene.playground.bias.size() == 2);
}

TEST_CASE("reset_to_lesson goes back to the lesson's setup") {
    LessonScene scene = open_lesson("padding");
    const std::vector<float> output = scene.playground.output.values();
    PlaygroundSetup edited = scene.draft;
    edited.options = Options2d::uniform(2, Padding::of(0));
    propose_setup(scene, edited);
    REQUIRE(scene.playground.output.values() != output);
    reset_to_lesson(scene);
    CHECK(scene.error.empty());
    CHECK(scene.playground.output.values() == output);
    CHECK(scene.draft.input_values == scene.lesson->setup.input_values);
}

TEST_CASE("new random values keep the shapes, replace the values, and are deterministic") {
    LessonScene first = open_lesson("conv-basic");
    LessonScene second = open_lesson("conv-basic");
    use_new_random_values(first);
    use_new_random_values(second);
    CHECK(first.error.empty());
    CHECK(first.playground.input.shape() == std::vector<int>{1, 1, 5, 5});
    CHECK(first.playground.input.values() != first.lesson->setup.input_values);
    CHECK(first.playground.input.values() == second.playground.input.values());
    CHECK(first.playground.kernel.values() == second.playground.kernel.values());
    CHECK(first.draft.seed != first.lesson->setup.seed);

    // Again: another seed, other values.
    use_new_random_values(second);
    CHECK(second.draft.seed != first.draft.seed);
    CHECK(second.playground.input.values() != first.playground.input.values());
}

TEST_CASE("with_cell_value sets one cell and keeps the rest; cell_value reads it") {
    LessonScene scene = open_lesson("conv-basic");
    const Playground& before = scene.playground;
    const CellRef input{CellRef::Tensor::Input, 0, 0, 1, 2};
    CHECK(cell_value(before, input) == before.input.at(0, 0, 1, 2));

    PlaygroundSetup setup = with_cell_value(before, input, 8.0f);
    REQUIRE(setup.input_values.size() == 25);
    std::vector<float> expected = before.input.values();
    expected[1 * 5 + 2] = 8.0f;
    CHECK(setup.input_values == expected);
    propose_setup(scene, setup);
    CHECK(cell_value(scene.playground, input) == 8.0f);

    const CellRef kernel{CellRef::Tensor::Kernel, 0, 0, 2, 1};
    setup = with_cell_value(scene.playground, kernel, -4.0f);
    propose_setup(scene, setup);
    CHECK(cell_value(scene.playground, kernel) == -4.0f);
    CHECK(cell_value(scene.playground, input) == 8.0f);

    // A cell outside the tensor changes nothing and reads 0.
    const CellRef outside{CellRef::Tensor::Input, 0, 0, 5, 0};
    CHECK(with_cell_value(scene.playground, outside, 1.0f).input_values ==
          scene.playground.setup.input_values);
    CHECK(cell_value(scene.playground, outside) == 0.0f);
}

TEST_CASE("holds_cell: exactly the cells of the input and the kernel") {
    const LessonScene scene = open_lesson("channels");  // (1,3,5,5) input, (1,3,3,3) kernel
    const Playground& p = scene.playground;
    for (const CellRef::Tensor which : {CellRef::Tensor::Input, CellRef::Tensor::Kernel}) {
        const Tensor& tensor = which == CellRef::Tensor::Input ? p.input : p.kernel;
        REQUIRE(tensor.rank() == 4);
        // Every index from one before the tensor to one past it, on each axis.
        int held = 0;
        for (int i0 = -1; i0 <= tensor.dim(0); ++i0)
            for (int i1 = -1; i1 <= tensor.dim(1); ++i1)
                for (int y = -1; y <= tensor.dim(2); ++y)
                    for (int x = -1; x <= tensor.dim(3); ++x) {
                        const bool inside = i0 >= 0 && i0 < tensor.dim(0) && i1 >= 0 &&
                                            i1 < tensor.dim(1) && y >= 0 && y < tensor.dim(2) &&
                                            x >= 0 && x < tensor.dim(3);
                        const CellRef cell{which, i0, i1, y, x};
                        CHECK(holds_cell(p, cell) == inside);
                        held += holds_cell(p, cell);
                    }
        CHECK(held == static_cast<int>(tensor.size()));
    }
    CHECK_FALSE(holds_cell(p, CellRef{CellRef::Tensor::None, 0, 0, 0, 0}));
    // A cell that is not held changes nothing, even one whose indices fit the kernel.
    const CellRef none{CellRef::Tensor::None, 0, 0, 0, 0};
    CHECK(with_cell_value(p, none, 9.0f).kernel_values == p.setup.kernel_values);
    CHECK(with_cell_value(p, none, 9.0f).input_values == p.setup.input_values);

    // Pooling has no kernel to edit.
    const LessonScene pooling = open_lesson("max-pool");
    REQUIRE(is_pooling(pooling.playground.trace.op()));
    CHECK(holds_cell(pooling.playground, CellRef{CellRef::Tensor::Input, 0, 0, 0, 0}));
    CHECK_FALSE(holds_cell(pooling.playground, CellRef{CellRef::Tensor::Kernel, 0, 0, 0, 0}));
}
