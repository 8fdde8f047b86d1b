// A lesson opened in the window (scene name = lesson id): the settings as the user last
// typed them, the last valid playground core built from them, and why a draft was refused.
#pragma once

#include <cstdint>
#include <string>

#include "app/model/app_state.hpp"
#include "app/model/message_text.hpp"
#include "core/lessons/lesson_figures.hpp"
#include "core/lessons/lessons.hpp"
#include "core/lessons/playground.hpp"

namespace convscope {

struct LessonScene {
    const Lesson* lesson = nullptr;
    // The view on screen: the lesson's, or the one a switch chose (a transposed
    // convolution's scatter or direct view). `figure` is built for it.
    LessonView view = LessonView::Steps;
    PlaygroundSetup draft;  // what the controls show; may be invalid
    Playground playground;  // always valid: built from the last valid draft
    LessonFigure figure;    // the lesson view's figure of `playground`, built with it
    // The backward lessons' dL/dY as the student edited it or drew it anew; empty: the
    // seeded one. Dropped when the output's shape changes, and on Reset.
    Tensor grad_output;
    std::uint32_t grad_seed = 0;  // the last "New dL/dY" draw's seed
    std::string error;            // why the draft was refused; empty when it was not
    Message error_message;        // the same reason, translatable: shown_text(error_message)

    int step_count() const { return lesson_step_count(figure, playground); }
};

// The lesson's own setup. Throws InputError for an unknown id, listing the ids.
LessonScene open_lesson(const std::string& id);

// Lesson `id` with `setup` in place of its own (a lesson file's, --set's). InputError for
// an unknown id, or with core's reason when the setup is refused.
LessonScene open_lesson_with(const std::string& id, const PlaygroundSetup& setup);

// Tries `draft`. Explicit values whose count no longer fits the new shapes are dropped
// (the seed fills them). On InputError the playground stays and `error` says why (and
// `error_message`, in the form the window translates).
void propose_setup(LessonScene& scene, PlaygroundSetup draft);

// Back to the lesson's setup, or to new seeded values of the current shapes.
void reset_to_lesson(LessonScene& scene);
void use_new_random_values(LessonScene& scene);

// The dL/dY the scene's backward figure uses; nullptr when the figure is not backward.
const Tensor* shown_grad_output(const LessonScene& scene);

// dL/dY set to `grad_output` (shaped as the forward output) and the figure rebuilt.
void set_grad_output(LessonScene& scene, Tensor grad_output);

// A fresh dL/dY of small seeded integers, same shape; nothing outside the backward view.
void use_new_grad_output(LessonScene& scene);

// Shows `view` in place of the scene's view and builds its figure.
void switch_view(LessonScene& scene, LessonView view);

// Whether `cell` names a value of the backward figure's dL/dY.
bool holds_grad_cell(const LessonScene& scene, const CellRef& cell);

// The scene's dL/dY with `cell` set to `value` (a cell holds_grad_cell accepts).
Tensor with_grad_value(const LessonScene& scene, const CellRef& cell, float value);

// Whether `cell` names a value of the playground's input or kernel: not None, not a
// padded cell, within the tensor's shape (a pooling playground has no kernel cells).
bool holds_cell(const Playground& playground, const CellRef& cell);

// The valid setup with every value of `cell`'s tensor made explicit and `cell` set;
// the setup unchanged when the playground does not hold `cell`.
PlaygroundSetup with_cell_value(const Playground& playground, const CellRef& cell, float value);

// The value of `cell` in the playground (the editor shows it).
float cell_value(const Playground& playground, const CellRef& cell);

// "conv-basic, conv-bias, ..."
std::string lesson_ids(const char* separator);

}  // namespace convscope
