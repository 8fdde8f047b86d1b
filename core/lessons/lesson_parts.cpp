#include "core/lessons/lesson_parts.hpp"

namespace convscope {

Lesson make_lesson(std::string id, std::string section, std::string title, std::string explanation,
                   std::string expected, PlaygroundSetup setup, LessonView view,
                   std::string erratum) {
    Lesson l;
    l.id = std::move(id);
    l.section = std::move(section);
    l.title = std::move(title);
    l.explanation = std::move(explanation);
    l.expected = std::move(expected);
    l.erratum = std::move(erratum);
    l.view = view;
    l.setup = std::move(setup);
    return l;
}

}  // namespace convscope
