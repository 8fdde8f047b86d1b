// The one Lesson constructor the lesson lists share (lessons.cpp and lessons_*.cpp).
#pragma once

#include <string>

#include "core/lessons/lessons.hpp"

namespace convscope {

Lesson make_lesson(std::string id, std::string section, std::string title, std::string explanation,
                   std::string expected, PlaygroundSetup setup, LessonView view = LessonView::Steps,
                   std::string erratum = "");

}  // namespace convscope
