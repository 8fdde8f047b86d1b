#include "app/model/lesson_scene.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// The figure of `playground` for the scene's view, with the scene's dL/dY if it has one.
LessonFigure figure_for(const LessonScene& scene, const Playground& playground) {
    return build_lesson_figure(scene.view, playground,
                               scene.grad_output.size() == 0 ? nullptr : &scene.grad_output);
}

// The tensor an input or kernel cell names.
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
        // A new output shape has no room for the edited dL/dY: back to the seeded one.
        if (scene.grad_output.shape() != expected_grad_output_shape(playground.trace))
            scene.grad_output = Tensor();
        scene.figure = figure_for(scene, playground);
        scene.playground = std::move(playground);
        scene.error.clear();
        scene.error_message = Message();
    } catch (const InputError& error) {
        scene.error = error.what();
        scene.error_message = error.message();
    }
}

void reset_to_lesson(LessonScene& scene) {
    scene.grad_output = Tensor();
    scene.grad_seed = 0;
    propose_setup(scene, scene.lesson->setup);
}

const Tensor* shown_grad_output(const LessonScene& scene) {
    const auto* figure = std::get_if<BackwardFigure>(&scene.figure);
    return figure == nullptr ? nullptr : &figure->trace.grad_output();
}

void set_grad_output(LessonScene& scene, Tensor grad_output) {
    scene.grad_output = std::move(grad_output);
    scene.figure = figure_for(scene, scene.playground);
}

void use_new_grad_output(LessonScene& scene) {
    if (shown_grad_output(scene) == nullptr) return;
    // Any new seed, deterministic; offset from the playground's so it differs from it.
    scene.grad_seed = (scene.grad_seed ^ scene.playground.setup.seed) * 1664525u + 1013904223u;
    set_grad_output(scene, seeded_grad_output(scene.playground.trace, scene.grad_seed));
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
    scene.figure = figure_for(scene, scene.playground);
}

bool holds_grad_cell(const LessonScene& scene, const CellRef& cell) {
    const Tensor* tensor = shown_grad_output(scene);
    return cell.tensor == CellRef::Tensor::GradOutput && tensor != nullptr && tensor->rank() == 4 &&
           cell.i0 >= 0 && cell.i0 < tensor->dim(0) && cell.i1 >= 0 && cell.i1 < tensor->dim(1) &&
           cell.y >= 0 && cell.y < tensor->dim(2) && cell.x >= 0 && cell.x < tensor->dim(3);
}

Tensor with_grad_value(const LessonScene& scene, const CellRef& cell, float value) {
    CS_CHECK(holds_grad_cell(scene, cell));
    Tensor grad_output = *shown_grad_output(scene);
    grad_output.at(cell.i0, cell.i1, cell.y, cell.x) = value;
    return grad_output;
}

bool holds_cell(const Playground& playground, const CellRef& cell) {
    if (cell.tensor != CellRef::Tensor::Input && cell.tensor != CellRef::Tensor::Kernel)
        return false;
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
