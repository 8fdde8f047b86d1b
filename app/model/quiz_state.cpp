#include "app/model/quiz_state.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/tensor/check.hpp"

namespace convscope {

void QuizActions::merge(const QuizActions& other) {
    toggle |= other.toggle;
    if (other.ask) ask = other.ask;
    if (other.difficulty) difficulty = other.difficulty;
    type += other.type;
    erase += other.erase;
    submit |= other.submit;
    next |= other.next;
    new_exercise |= other.new_exercise;
    if (other.toggle_cell) toggle_cell = other.toggle_cell;
    toggle_hide_next |= other.toggle_hide_next;
    reveal |= other.reveal;
}

bool QuizActions::any() const {
    return toggle || ask || difficulty || !type.empty() || erase > 0 || submit || next ||
           new_exercise || toggle_cell || toggle_hide_next || reveal;
}

bool hides_step_value(const QuizState& quiz, const RevealState& reveal, bool presentation,
                      int step) {
    if (quiz.active) return quiz.question == QuizQuestion::CellValue && !quiz.verdict;
    return presentation && reveal.hide_next && reveal.revealed_step != step;
}

std::optional<QuizQuestion> parse_quiz_question(const std::string& text) {
    if (text == "value") return QuizQuestion::CellValue;
    if (text == "size") return QuizQuestion::OutputSize;
    if (text == "window") return QuizQuestion::WindowCells;
    return std::nullopt;
}

InputCells parse_input_cells(const std::string& text) {
    InputCells cells;
    std::stringstream list(text);
    std::string cell;
    while (std::getline(list, cell, ';')) {
        int y = 0, x = 0;
        char comma = 0, rest = 0;
        std::stringstream parts(cell);
        if (!(parts >> y >> comma >> x) || comma != ',' || (parts >> rest))
            throw InputError("cell '" + cell + "' is not y,x (cells are like 1,1;1,2)");
        cells.insert({y, x});
    }
    return cells;
}

std::optional<float> typed_number(const std::string& typed) {
    if (typed.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const float value = std::strtof(typed.c_str(), &end);
    if (errno != 0 || end != typed.c_str() + typed.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

}  // namespace convscope
