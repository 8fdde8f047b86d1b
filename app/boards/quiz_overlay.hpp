// The quiz drawn over a lesson's board: the asked value hidden, the window's outline
// hidden while the student clicks its cells, the output hidden while its size is asked;
// the lines beneath become the question, the answer typed so far, core's verdict, the
// working and the score. Also a lecture's hidden next value.
#pragma once

#include "app/boards/lesson_boards.hpp"

namespace convscope {

void apply_quiz_overlay(LessonBoard& lesson, const ViewContext& context);

}  // namespace convscope
