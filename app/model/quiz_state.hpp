// The quiz as the window keeps it: which question is asked of the lesson on screen, what
// the student has typed or clicked, core's verdict, the score. Also the lecture's
// predict-then-reveal (the next value hidden until a key shows it) and typing a value
// straight into a selected input or kernel cell: both take keys the same way.
#pragma once

#include <optional>
#include <string>

#include "core/lessons/quiz.hpp"
#include "core/lessons/quiz_window.hpp"

namespace convscope {

enum class QuizQuestion { CellValue, OutputSize, WindowCells };

struct QuizState {
    bool active = false;
    QuizQuestion question = QuizQuestion::CellValue;
    Difficulty difficulty = Difficulty::Easy;
    std::string typed;                 // the answer as typed so far
    InputCells clicked;                // the window question's chosen cells
    std::optional<Diagnosis> verdict;  // after Enter, until the next question
    QuizScore score;
    std::uint32_t exercises_drawn = 0;  // seeds new exercises, so each is new
    // The question's place: moving to another step or lesson asks afresh.
    int asked_step = -1;
    std::string asked_scene;
};

// Presentation mode's predict-then-reveal: the step's value stays hidden until revealed.
struct RevealState {
    bool hide_next = false;
    int revealed_step = -1;  // the step whose value the class has seen
};

// What a panel or a key asks of the quiz.
struct QuizActions {
    bool toggle = false;
    std::optional<QuizQuestion> ask;
    std::optional<Difficulty> difficulty;
    std::string type;     // characters typed (digits, '-', '.')
    int erase = 0;        // Backspace presses
    bool submit = false;  // Enter
    bool next = false;    // after a verdict: the next question
    bool new_exercise = false;
    std::optional<std::pair<int, int>> toggle_cell;  // window question: input (y, x)
    bool toggle_hide_next = false;
    bool reveal = false;

    void merge(const QuizActions& other);
    bool any() const;
};

// Whether the board hides the value of the step on screen: an unanswered value question,
// or a lecture's hidden next value.
bool hides_step_value(const QuizState& quiz, const RevealState& reveal, bool presentation,
                      int step);

// "value", "size" or "window" (the window's --quiz); nullopt otherwise.
std::optional<QuizQuestion> parse_quiz_question(const std::string& text);

// "1,1;1,2;2,1": input cells (y, x) as --answer gives a window question's clicks.
// Throws InputError naming the bad cell.
InputCells parse_input_cells(const std::string& text);

// A typed answer as a number: nullopt unless the whole text is one (e.g. "-3", "2.5").
std::optional<float> typed_number(const std::string& typed);

}  // namespace convscope
