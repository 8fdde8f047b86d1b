#include "app/panels/quiz_controls.hpp"

#include "app/model/translate.hpp"
#include "app/widgets/panel_window.hpp"
#include "imgui.h"

namespace convscope {

namespace {

const char* question_name(QuizQuestion question) {
    switch (question) {
        case QuizQuestion::CellValue:
            return tr("An output value");
        case QuizQuestion::OutputSize:
            return tr("The output size");
        case QuizQuestion::WindowCells:
            return tr("A window's cells");
    }
    return "";
}

const char* difficulty_name(Difficulty difficulty) {
    switch (difficulty) {
        case Difficulty::Easy:
            return tr("Easy");
        case Difficulty::Medium:
            return tr("Medium");
        case Difficulty::Hard:
            return tr("Hard");
    }
    return "";
}

template <typename Choice, typename NameOf>
std::optional<Choice> combo(const char* id, Choice current, std::initializer_list<Choice> choices,
                            NameOf name_of) {
    std::optional<Choice> chosen;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(id, name_of(current))) {
        for (Choice choice : choices)
            if (ImGui::Selectable(name_of(choice), choice == current)) chosen = choice;
        ImGui::EndCombo();
    }
    return chosen;
}

}  // namespace

bool offers_quiz(const LessonScene& scene) {
    return scene.view == LessonView::Steps;
}

void quiz_button(const LessonScene& scene, Actions& actions) {
    if (!offers_quiz(scene)) return;
    if (ImGui::Button(tr("Quiz me"))) actions.quiz.toggle = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Answer the next step yourself; Enter checks"));
}

void quiz_controls(const LessonScene& scene, const AppState& state, Actions& actions) {
    const QuizState& quiz = state.quiz;
    if (!quiz.active || !offers_quiz(scene)) return;
    group_label(tr("QUIZ"));
    actions.quiz.ask =
        combo("##quiz_question", quiz.question,
              {QuizQuestion::CellValue, QuizQuestion::OutputSize, QuizQuestion::WindowCells},
              question_name);
    actions.quiz.difficulty =
        combo("##quiz_difficulty", quiz.difficulty,
              {Difficulty::Easy, Difficulty::Medium, Difficulty::Hard}, difficulty_name);
    if (ImGui::Button(quiz.verdict ? tr("Next") : tr("Check"))) actions.quiz.submit = true;
    ImGui::SameLine();
    if (ImGui::Button(tr("New exercise"))) actions.quiz.new_exercise = true;
    ImGui::SameLine();
    if (ImGui::Button(tr("Stop"))) actions.quiz.toggle = true;
    ImGui::Spacing();
}

}  // namespace convscope
