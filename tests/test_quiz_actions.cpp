// The quiz in the window's model: keys typed become the answer, Enter asks core for a
// verdict and counts it, Enter again moves on; the window question takes clicked cells;
// the size question and a finished lesson draw a new exercise; the asked value is hidden
// until answered, and a lecture's hidden value until revealed.
#include <doctest/doctest.h>

#include "core/tensor/check.hpp"
#include "tests/app_model_fixture.hpp"

using namespace convscope;
using convscope::testing::AppModel;

namespace {

Actions quiz(QuizActions q) {
    Actions actions;
    actions.quiz = std::move(q);
    return actions;
}

QuizActions typed(std::string text, bool submit = true) {
    QuizActions q;
    q.type = std::move(text);
    q.submit = submit;
    return q;
}

AppModel quiz_on(QuizQuestion question, const std::string& lesson = "conv-basic") {
    AppModel model(lesson);
    QuizActions start;
    start.toggle = true;
    start.ask = question;
    model.apply(quiz(start));
    return model;
}

}  // namespace

TEST_CASE("typing and Enter: core's verdict, the score, then the next step") {
    AppModel model = quiz_on(QuizQuestion::CellValue);
    REQUIRE(model.state.quiz.active);
    CHECK(hides_step_value(model.state.quiz, model.state.reveal, false, 0));
    model.apply(quiz(typed("1x9", false)));  // only digits, '-' and '.' are taken
    CHECK(model.state.quiz.typed == "19");
    QuizActions erase;
    erase.erase = 1;
    model.apply(quiz(erase));
    CHECK(model.state.quiz.typed == "1");
    QuizActions enter;
    enter.submit = true;
    model.apply(quiz(enter));
    REQUIRE(model.state.quiz.verdict.has_value());
    CHECK_FALSE(model.state.quiz.verdict->right());
    CHECK(model.state.quiz.score.asked == 1);
    CHECK_FALSE(hides_step_value(model.state.quiz, model.state.reveal, false, 0));
    model.apply(quiz(enter));  // Enter again: the next step, a fresh answer
    CHECK(model.state.playback.step == 1);
    CHECK_FALSE(model.state.quiz.verdict.has_value());
    CHECK(model.state.quiz.typed.empty());
    model.apply(quiz(typed("12")));  // conv-basic's step 1 is 12 as well
    CHECK(model.state.quiz.verdict->right());
    CHECK(model.state.quiz.score.right == 1);
    CHECK(model.state.quiz.score.streak == 1);
}

TEST_CASE("Enter without an answer checks nothing; stepping away asks afresh") {
    AppModel model = quiz_on(QuizQuestion::CellValue);
    QuizActions enter;
    enter.submit = true;
    model.apply(quiz(enter));
    CHECK_FALSE(model.state.quiz.verdict.has_value());
    CHECK(model.state.quiz.score.asked == 0);
    model.apply(quiz(typed("5", false)));
    Actions step;
    step.step_by = 2;
    model.apply(step);
    CHECK(model.state.quiz.typed.empty());
}

TEST_CASE("the output size question: a wrong size named, then a new exercise") {
    AppModel model = quiz_on(QuizQuestion::OutputSize);
    const int right = model.scene.playground.trace.geometry().h.output;
    model.apply(quiz(typed(std::to_string(right + 1))));
    REQUIRE(model.state.quiz.verdict.has_value());
    CHECK_FALSE(model.state.quiz.verdict->right());
    const std::uint32_t seed_before = model.scene.playground.setup.seed;
    QuizActions next;
    next.next = true;
    model.apply(quiz(next));
    CHECK(model.state.quiz.exercises_drawn == 1);
    CHECK(model.scene.playground.setup.seed != seed_before);
    CHECK(model.scene.error.empty());
}

TEST_CASE("the window question: clicked cells toggle, core checks the set") {
    AppModel model = quiz_on(QuizQuestion::WindowCells);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x) {
            QuizActions click;
            click.toggle_cell = std::make_pair(y, x);
            model.apply(quiz(click));
        }
    QuizActions again;  // clicking a chosen cell lets it go ...
    again.toggle_cell = std::make_pair(2, 2);
    model.apply(quiz(again));
    CHECK(model.state.quiz.clicked.size() == 8);
    model.apply(quiz(again));  // ... and back
    QuizActions enter;
    enter.submit = true;
    model.apply(quiz(enter));
    REQUIRE(model.state.quiz.verdict.has_value());
    CHECK(model.state.quiz.verdict->right());
}

TEST_CASE("the last step's next question is a new exercise at the chosen difficulty") {
    AppModel model = quiz_on(QuizQuestion::CellValue);
    QuizActions hard;
    hard.difficulty = Difficulty::Hard;
    model.apply(quiz(hard));
    Actions end;
    end.go_to_step = kLastStep;
    model.apply(end);
    QuizActions next;
    next.next = true;
    model.apply(quiz(next));
    CHECK(model.state.playback.step == 0);
    CHECK(model.state.quiz.exercises_drawn == 1);
    CHECK(model.scene.error.empty());
    // A hard exercise always has a bias (and a conv's kernel) or is a pooling.
    const PlaygroundSetup& drawn = model.scene.playground.setup;
    CHECK((drawn.has_bias || is_pooling(drawn.op)));
}

TEST_CASE("a lecture's hidden value: hidden in presentation until R, hidden again next step") {
    AppModel model;
    QuizActions hide;
    hide.toggle_hide_next = true;
    model.apply(quiz(hide));
    CHECK_FALSE(hides_step_value(model.state.quiz, model.state.reveal, false, 0));
    CHECK(hides_step_value(model.state.quiz, model.state.reveal, true, 0));
    QuizActions reveal;
    reveal.reveal = true;
    model.apply(quiz(reveal));
    CHECK_FALSE(hides_step_value(model.state.quiz, model.state.reveal, true, 0));
    CHECK(hides_step_value(model.state.quiz, model.state.reveal, true, 1));
}

TEST_CASE("typed numbers and clicked cells as text") {
    CHECK(typed_number("-3") == -3.0f);
    CHECK(typed_number("2.5") == 2.5f);
    CHECK_FALSE(typed_number("").has_value());
    CHECK_FALSE(typed_number("-").has_value());
    CHECK_FALSE(typed_number("1.2.3").has_value());
    CHECK(parse_input_cells("1,1;-1,2") == InputCells{{1, 1}, {-1, 2}});
    CHECK_THROWS_AS(parse_input_cells("1;2"), InputError);
    CHECK(parse_quiz_question("size") == QuizQuestion::OutputSize);
    CHECK_FALSE(parse_quiz_question("sizes").has_value());
}
