// How the quiz's actions change the quiz, the reveal and the lesson on screen: answers go
// to core's diagnosis, "next" moves to the next step or a new exercise.
#pragma once

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"

namespace convscope {

void apply_quiz_actions(const QuizActions& actions, AppState& state, LessonScene& scene);

}  // namespace convscope
