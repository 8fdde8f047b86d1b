// The quiz in the controls: a button that starts it (lessons drawn as steps only); while
// it runs, a section at the top: the question, the difficulty, Check / Next for the
// mouse, a new exercise, Stop.
#pragma once

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"

namespace convscope {

bool offers_quiz(const LessonScene& scene);
void quiz_button(const LessonScene& scene, Actions& actions);
void quiz_controls(const LessonScene& scene, const AppState& state, Actions& actions);

}  // namespace convscope
