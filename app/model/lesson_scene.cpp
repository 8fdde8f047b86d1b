#include "app/model/lesson_scene.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// The tensor a (non-None) cell names.
const Tensor& tensor_of(const Playground& playground, const CellRef& cell) {
    return cell.tensor == CellRef::Tensor::Input ? playground.input : playground.kernel;
}

}  // namespace

LessonScene open_lesson(const std::string& id) {
    const Lesson* lesson = find_lesson(id);
    if (lesson == nullptr) {
        throw InputError("unknown scene '" + id + "'; scenes are: " + lesson_ids(", "));
    }
    LessonScene scene;
    scene.lesson = lesson;
    scene.view = lesson->view;
    scene.draft = lesson->setup;
    scene.playground = build_playground(lesson->setup);
    scene.figure = build_lesson_figure(scene.view, scene.playground);
    return scene;
}

LessonScene open_lesson_with(const std::string& id, const PlaygroundSetup& setup) {
    LessonScene scene = open_lesson(id);
    propose_setup(scene, setup);
    if (!scene.error.empty()) throw InputError(scene.error_message);
    return scene;
}

void propose_setup(LessonScene& scene, PlaygroundSetup draft) {
    draft = without_values_that_no_longer_fit(std::move(draft));
    scene.draft = draft;
    try {
        Playground playground = build_playground(draft);
        scene.figure = build_lesson_figure(scene.view, playground);
        scene.playground = std::move(playground);
        scene.error.clear();
        scene.error_message = Message();
    } catch (const InputError& error) {
        scene.error = error.what();
        scene.error_message = error.message();
    }
}

void reset_to_lesson(LessonScene& scene) {
    propose_setup(scene, scene.lesson->setup);
}

void use_new_random_values(LessonScene& scene) {
    PlaygroundSetup setup = scene.playground.setup;
    setup.seed = setup.seed * 1664525u + 1013904223u;  // any new seed; deterministic
    setup.input_values.clear();
    setup.kernel_values.clear();
    setup.bias_values.clear();
    propose_setup(scene, setup);
}

void switch_view(LessonScene& scene, LessonView view) {
    scene.view = view;
    scene.figure = build_lesson_figure(view, scene.playground);
}

bool holds_cell(const Playground& playground, const CellRef& cell) {
    if (cell.tensor == CellRef::Tensor::None) return false;
    const Tensor& tensor = tensor_of(playground, cell);
    return tensor.rank() == 4 && cell.i0 >= 0 && cell.i0 < tensor.dim(0) && cell.i1 >= 0 &&
           cell.i1 < tensor.dim(1) && cell.y >= 0 && cell.y < tensor.dim(2) && cell.x >= 0 &&
           cell.x < tensor.dim(3);
}

PlaygroundSetup with_cell_value(const Playground& playground, const CellRef& cell, float value) {
    PlaygroundSetup setup = playground.setup;
    if (!holds_cell(playground, cell)) return setup;
    // Only the edited tensor is copied, not the whole playground with its trace.
    Tensor tensor = tensor_of(playground, cell);
    tensor.at(cell.i0, cell.i1, cell.y, cell.x) = value;
    (cell.tensor == CellRef::Tensor::Input ? setup.input_values : setup.kernel_values) =
        tensor.values();
    return setup;
}

float cell_value(const Playground& playground, const CellRef& cell) {
    if (!holds_cell(playground, cell)) return 0.0f;
    return tensor_of(playground, cell).at(cell.i0, cell.i1, cell.y, cell.x);
}

std::string lesson_ids(const char* separator) {
    std::string ids;
    for (const Lesson& lesson : lessons()) {
        if (!ids.empty()) ids += separator;
        ids += lesson.id;
    }
    return ids;
}

}  // namespace convscope
