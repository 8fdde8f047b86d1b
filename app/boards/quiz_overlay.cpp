// Sections: the board, the lines.
#include "app/boards/quiz_overlay.hpp"

#include <algorithm>

#include "app/boards/board_text.hpp"
#include "app/model/message_text.hpp"
#include "app/model/translate.hpp"

namespace convscope {

namespace {

constexpr ImU32 kRightInk = IM_COL32(24, 128, 64, 255);

bool outlines_cell(const GridView& grid, int y, int x) {
    return std::any_of(grid.outlines.begin(), grid.outlines.end(), [&](const CellSpan& span) {
        return span.row == y && span.col == x && span.rows == 1 && span.cols == 1;
    });
}

// ---- the board ------------------------------------------------------------------------

void hide_step_value(Board& board, const TraceStep& step) {
    for (Board::PlacedGrid& placed : board.grids()) {
        GridView& grid = placed.grid;
        if (grid.role != GridRole::Output || !outlines_cell(grid, step.y, step.x)) continue;
        grid.states[grid.index(step.y, step.x)] = CellState::Pending;
    }
}

void hide_outputs(Board& board) {
    auto& grids = board.grids();
    grids.erase(std::remove_if(grids.begin(), grids.end(),
                               [](const Board::PlacedGrid& placed) {
                                   return placed.grid.role == GridRole::Output;
                               }),
                grids.end());
}

// The student's cells lit on every input slice; before the verdict, without the window.
void show_clicked(Board& board, const InputCells& clicked, bool keep_window) {
    for (Board::PlacedGrid& placed : board.grids()) {
        if (placed.target.kind != ClickTarget::Kind::InputCell) continue;
        GridView& grid = placed.grid;
        if (!keep_window) grid.outlines.clear();
        for (const auto& [y, x] : clicked) {
            const int row = y + placed.target.row_offset, col = x + placed.target.col_offset;
            if (row >= 0 && row < grid.rows && col >= 0 && col < grid.cols) grid.mark(row, col);
        }
    }
}

// ---- the lines --------------------------------------------------------------------------

TextLine answer_line(const std::string& typed) {
    return {{tr("Your answer: "), kMutedInk}, {typed + "_", kInk}};
}

TextLine verdict_line(const Diagnosis& verdict) {
    return {{shown_text(verdict.message), verdict.right() ? kRightInk : kErrorInk}};
}

TextLine score_line(const QuizScore& score) {
    return {{trf("Score {right}/{asked}, streak {streak}, best {best}",
                 {{"right", std::to_string(score.right)},
                  {"asked", std::to_string(score.asked)},
                  {"streak", std::to_string(score.streak)},
                  {"best", std::to_string(score.best_streak)}}),
             kMutedInk}};
}

std::string size_question(const AxisGeometry& h) {
    return trf("Output height for i = {i}, k = {k}, p = {p}, s = {s}, d = {d}: type o, then Enter.",
               {{"i", std::to_string(h.input)},
                {"k", std::to_string(h.kernel)},
                {"p", std::to_string(h.pad_before)},
                {"s", std::to_string(h.stride)},
                {"d", std::to_string(h.dilation)}});
}

void quiz_lines(LessonBoard& lesson, const ViewContext& context) {
    const QuizState& quiz = context.state.quiz;
    const ConvGeometry& g = context.playground.trace.geometry();
    std::vector<TextLine> lines;
    if (!quiz.verdict) {
        switch (quiz.question) {
            case QuizQuestion::CellValue:
                lines.push_back(
                    {{tr("What is the outlined output cell? Type it, then Enter."), kInk}});
                lines.push_back(answer_line(quiz.typed));
                break;
            case QuizQuestion::OutputSize:
                lines.push_back({{size_question(g.h), kInk}});
                lines.push_back(answer_line(quiz.typed));
                break;
            case QuizQuestion::WindowCells:
                lines.push_back({{tr("Click the input cells the outlined output cell reads, "
                                     "then Enter."),
                                  kInk}});
                break;
        }
    } else {
        lines.push_back(verdict_line(*quiz.verdict));
        if (quiz.question == QuizQuestion::CellValue && !lesson.lines.empty())
            lines.push_back(lesson.lines.front());  // the working: this step's sum
        if (quiz.question == QuizQuestion::OutputSize)
            lines.push_back({{formula_text(g.kind, g.h), kMutedInk}});
        lines.push_back({{tr("Enter: next question"), kMutedInk}});
    }
    lines.push_back(score_line(quiz.score));
    lesson.lines = std::move(lines);
}

}  // namespace

void apply_quiz_overlay(LessonBoard& lesson, const ViewContext& context) {
    const AppState& state = context.state;
    const QuizState& quiz = state.quiz;
    if (hides_step_value(quiz, state.reveal, state.presentation, context.step_index))
        hide_step_value(lesson.board, context.step);
    if (!quiz.active) {
        if (hides_step_value(quiz, state.reveal, state.presentation, context.step_index) &&
            !lesson.lines.empty())
            lesson.lines.front() = {{tr("What comes out here? R reveals it."), kMutedInk}};
        return;
    }
    if (quiz.question == QuizQuestion::OutputSize && !quiz.verdict) hide_outputs(lesson.board);
    if (quiz.question == QuizQuestion::WindowCells)
        show_clicked(lesson.board, quiz.clicked, quiz.verdict.has_value());
    quiz_lines(lesson, context);
}

}  // namespace convscope
