// Sections: the question's place, answering, moving on.
#include "app/model/quiz_reducer.hpp"

#include <algorithm>
#include <cmath>

#include "core/lessons/quiz_cell.hpp"
#include "core/lessons/quiz_size.hpp"

namespace convscope {

namespace {

constexpr std::size_t kMaxTyped = 12;

void clear_answer(QuizState& quiz) {
    quiz.typed.clear();
    quiz.clicked.clear();
    quiz.verdict.reset();
}

// ---- answering --------------------------------------------------------------------------

void type(const QuizActions& actions, QuizState& quiz) {
    if (quiz.verdict) return;
    for (char ch : actions.type) {
        const bool allowed = (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
        if (allowed && quiz.typed.size() < kMaxTyped) quiz.typed.push_back(ch);
    }
    for (int i = 0; i < actions.erase && !quiz.typed.empty(); ++i) quiz.typed.pop_back();
    if (actions.toggle_cell && quiz.question == QuizQuestion::WindowCells) {
        const auto cell = *actions.toggle_cell;
        if (!quiz.clicked.erase(cell)) quiz.clicked.insert(cell);
    }
}

// Core's verdict on the answer; nothing when there is no answer to check yet.
std::optional<Diagnosis> check(const QuizState& quiz, const AppState& state,
                               const LessonScene& scene) {
    const OperationTrace& trace = scene.playground.trace;
    const int step = std::clamp(state.playback.step, 0, scene.step_count() - 1);
    switch (quiz.question) {
        case QuizQuestion::CellValue: {
            const std::optional<float> value = typed_number(quiz.typed);
            if (!value) return std::nullopt;
            return diagnose_cell(trace, step, *value);
        }
        case QuizQuestion::OutputSize: {
            const std::optional<float> value = typed_number(quiz.typed);
            if (!value || *value != std::floor(*value) || std::fabs(*value) > 1e6f)
                return std::nullopt;
            const ConvGeometry& g = trace.geometry();
            return diagnose_output_size(g.kind, g.h, static_cast<int>(*value));
        }
        case QuizQuestion::WindowCells: {
            if (quiz.clicked.empty()) return std::nullopt;
            const TraceStep s = trace.step(step);
            return diagnose_window(trace.geometry(), s.y, s.x, quiz.clicked);
        }
    }
    return std::nullopt;
}

// ---- moving on ----------------------------------------------------------------------------

void new_exercise(AppState& state, LessonScene& scene) {
    QuizState& quiz = state.quiz;
    ++quiz.exercises_drawn;
    const std::uint32_t seed = quiz.exercises_drawn * 2654435761u + 17u;
    propose_setup(scene, random_exercise(quiz.difficulty, seed));
    state.playback.step = 0;
    state.playback.playing = false;
}

void next_question(AppState& state, LessonScene& scene) {
    const bool last_step = state.playback.step >= scene.step_count() - 1;
    if (state.quiz.question == QuizQuestion::OutputSize || last_step) {
        new_exercise(state, scene);
    } else {
        ++state.playback.step;
    }
    clear_answer(state.quiz);
}

}  // namespace

void apply_quiz_actions(const QuizActions& actions, AppState& state, LessonScene& scene) {
    QuizState& quiz = state.quiz;
    if (actions.toggle_hide_next) state.reveal.hide_next = !state.reveal.hide_next;
    if (actions.reveal) state.reveal.revealed_step = state.playback.step;
    if (actions.toggle) {
        quiz.active = !quiz.active;
        state.playback.playing = false;
        clear_answer(quiz);
    }
    if (actions.ask && *actions.ask != quiz.question) {
        quiz.question = *actions.ask;
        clear_answer(quiz);
    }
    if (actions.difficulty) quiz.difficulty = *actions.difficulty;
    // Another step or lesson on screen is another question.
    if (quiz.asked_step != state.playback.step || quiz.asked_scene != state.scene) {
        clear_answer(quiz);
        quiz.asked_step = state.playback.step;
        quiz.asked_scene = state.scene;
    }
    if (!quiz.active) return;
    if (actions.new_exercise) {
        new_exercise(state, scene);
        clear_answer(quiz);
    }
    type(actions, quiz);
    if (actions.next || (actions.submit && quiz.verdict)) {
        next_question(state, scene);
    } else if (actions.submit) {
        quiz.verdict = check(quiz, state, scene);
        if (quiz.verdict) quiz.score.record(quiz.verdict->right());
    }
    quiz.asked_step = state.playback.step;
    quiz.asked_scene = state.scene;
}

}  // namespace convscope
