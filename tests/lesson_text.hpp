// Helpers for the lesson-figure suites: read the numbers a lesson's text states, so a
// changed sentence or a changed preset fails, and get the figure core builds for it.
#pragma once

#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <utility>

#include "core/lessons/lesson_figures.hpp"

namespace convscope::testing {

inline const Lesson& lesson_named(const std::string& id) {
    const Lesson* lesson = find_lesson(id);
    REQUIRE_MESSAGE(lesson != nullptr, id);
    return *lesson;
}

inline Playground playground_of(const Lesson& lesson) {
    return build_playground(lesson.setup);
}

// The text right after the first `marker`; fails the test when the marker is missing.
inline std::string after(const std::string& text, const std::string& marker) {
    const std::size_t at = text.find(marker);
    REQUIRE_MESSAGE(at != std::string::npos, "'" << marker << "' not in: " << text);
    return text.substr(at + marker.size());
}

// The integer, digits or an English word, that the text after `marker` starts with.
inline int number_after(const std::string& text, const std::string& marker) {
    const std::string rest = after(text, marker);
    if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) return std::stoi(rest);
    const char* words[] = {"zero", "one", "two",   "three", "four",
                           "five", "six", "seven", "eight", "nine"};
    for (int value = 0; value < 10; ++value) {
        const std::string word = words[value];
        if (rest.compare(0, word.size(), word) == 0) return value;
    }
    FAIL("no number after '" << marker << "' in: " << text);
    return -1;
}

// "5x5" after `marker`, as (rows, cols).
inline std::pair<int, int> size_after(const std::string& text, const std::string& marker) {
    const std::string rest = after(text, marker);
    const std::size_t cross = rest.find('x');
    REQUIRE(cross != std::string::npos);
    return {std::stoi(rest), std::stoi(rest.substr(cross + 1))};
}

// The figure of `lesson`'s view for `playground`; fails unless it is a `Figure`.
template <typename Figure>
Figure figure_of(const Lesson& lesson, const Playground& playground) {
    const LessonFigure figure = build_lesson_figure(lesson.view, playground);
    REQUIRE(std::holds_alternative<Figure>(figure));
    return std::get<Figure>(figure);
}

}  // namespace convscope::testing
