// Sections: the header, the board and its lines, clicks.
#include "app/panels/lesson_view.hpp"

#include <algorithm>
#include <cmath>

#include "app/boards/lesson_boards.hpp"
#include "app/boards/quiz_overlay.hpp"
#include "app/model/translate.hpp"
#include "app/widgets/text_wrap.hpp"

namespace convscope {

namespace {

// ---- the header ----------------------------------------------------------------------

// Draws wrapped text and returns the y below it.
float paragraph(Canvas& canvas, ImFont* font, float size, ImVec2 at, float wrap, ImU32 colour,
                const std::string& text) {
    if (text.empty()) return at.y;
    canvas.text(font, size, at, colour, text, wrap);
    const float height = has_cjk(text)
                             ? size * static_cast<float>(wrap_lines(font, size, text, wrap).size())
                             : font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str()).y;
    return at.y + height + size * 0.3f;
}

float draw_header(Canvas& canvas, const Lesson& lesson, const UiMetrics& metrics, ImVec2 at,
                  float width) {
    const Fonts& fonts = *metrics.fonts;
    const float title_size = fonts.sizes().title, body = fonts.sizes().body;
    const std::string title = lesson.section + "  " + tr(lesson.title);
    canvas.text(fonts.title(), title_size, at, kInk, title);
    float y = at.y + title_size * 1.4f;
    const float wrap = std::min(width, body * 60);
    y = paragraph(canvas, fonts.body(), body, ImVec2(at.x, y), wrap, kMutedInk,
                  tr(lesson.explanation));
    if (!lesson.erratum.empty()) {
        y = paragraph(canvas, fonts.body(), body, ImVec2(at.x, y), wrap, kErrorInk,
                      trf("Erratum: {text}", {{"text", tr(lesson.erratum)}}));
    }
    if (!lesson.expected.empty()) {
        y = paragraph(canvas, fonts.body(), body, ImVec2(at.x, y), wrap, kInk,
                      trf("The numbers: {text}", {{"text", tr(lesson.expected)}}));
    }
    return y;
}

// ---- clicks ---------------------------------------------------------------------------

void click_to_actions(const BoardClick& click, const Playground& playground, const AppState& state,
                      Actions& actions) {
    const bool choosing_cells =
        state.quiz.active && state.quiz.question == QuizQuestion::WindowCells;
    if (choosing_cells && click.target.kind == ClickTarget::Kind::InputCell) {
        actions.quiz.toggle_cell = std::make_pair(click.row, click.col);  // padding too
        return;
    }
    switch (click.target.kind) {
        case ClickTarget::Kind::None:
            return;
        case ClickTarget::Kind::InputCell:
        case ClickTarget::Kind::KernelCell: {
            const bool input = click.target.kind == ClickTarget::Kind::InputCell;
            CellRef cell;
            cell.tensor = input ? CellRef::Tensor::Input : CellRef::Tensor::Kernel;
            cell.i0 = click.target.i0;
            cell.i1 = click.target.i1;
            cell.y = click.row;
            cell.x = click.col;
            if (!holds_cell(playground, cell)) return;  // padding has no value to edit
            actions.select_cell = cell;
            return;
        }
        case ClickTarget::Kind::GradOutputCell: {
            CellRef cell;
            cell.tensor = CellRef::Tensor::GradOutput;
            cell.i0 = click.target.i0;
            cell.i1 = click.target.i1;
            cell.y = click.row;
            cell.x = click.col;
            actions.select_cell = cell;  // the board places dL/dY without padding
            return;
        }
        case ClickTarget::Kind::FieldUnit:
            actions.select_unit = UnitRef{click.row, click.col};
            return;
    }
}

}  // namespace

// ---- the board and its lines -------------------------------------------------------------

BoardResult paint_lesson_view(const LessonScene& scene, const AppState& state,
                              const UiMetrics& metrics, ImVec2 position, ImVec2 size,
                              Canvas& canvas) {
    const Fonts& fonts = *metrics.fonts;
    const float margin = metrics.px(state.presentation ? 24 : 32);

    const float header_bottom =
        draw_header(canvas, *scene.lesson, metrics,
                    ImVec2(position.x + margin, position.y + margin * 0.7f), size.x - 2 * margin);

    const Playground& playground = scene.playground;
    const int step_index = std::clamp(state.playback.step, 0, scene.step_count() - 1);
    // A backward lesson has more steps than the forward trace: its board reads
    // step_index, the forward step stays on the last one.
    const TraceStep step =
        playground.trace.step(std::min(step_index, playground.trace.step_count() - 1));
    // The lines beneath: the first (this step's sum) large, the rest at body size.
    const float body = fonts.sizes().body, heading = std::max(fonts.sizes().heading, body);
    ViewContext context{playground, scene.figure, step, step_index, state, metrics};
    // Two lines beneath is the usual count; the estimate only steers a view's choice.
    context.area = ImVec2(size.x - 2 * margin, position.y + size.y - header_bottom - margin * 1.5f -
                                                   (heading + body) * 1.5f);
    LessonBoard lesson = lesson_board(scene.view, context);
    if (scene.view == LessonView::Steps) apply_quiz_overlay(lesson, context);
    if (!state.quiz.active && !state.cell_typing.empty() && !lesson.lines.empty()) {
        lesson.lines.front() = {{trf("Typing {text}_ into the selected cell: Enter sets it, Tab "
                                     "sets it and moves on",
                                     {{"text", state.cell_typing}}),
                                 kInk}};
    }

    float lines_height = 0;
    for (size_t i = 0; i < lesson.lines.size(); ++i)
        lines_height += (i == 0 ? heading : body) * 1.5f;
    const ImVec2 board_at(position.x + margin, header_bottom + margin * 0.9f);
    const ImVec2 board_size(size.x - 2 * margin,
                            position.y + size.y - board_at.y - lines_height - margin * 0.6f);
    const BoardResult drawn = draw_board(lesson.board, canvas, board_at, board_size, metrics);

    float y = board_at.y + board_size.y + margin * 0.3f;
    const float centre = position.x + size.x * 0.5f;
    for (size_t i = 0; i < lesson.lines.size(); ++i) {
        const bool first = i == 0;
        draw_line_centred(canvas, first ? fonts.heading() : fonts.body(), first ? heading : body,
                          size.x - 2 * margin, ImVec2(centre, y), lesson.lines[i]);
        y += (first ? heading : body) * 1.5f;
    }
    return drawn;
}

Actions draw_lesson_view(const LessonScene& scene, const AppState& state, const UiMetrics& metrics,
                         ImVec2 position, ImVec2 size, GridLayer& grid_layer) {
    Actions actions;
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    const bool visible = ImGui::Begin("##lesson_view", nullptr, flags);
    ImGui::PopStyleVar();
    if (!visible) {
        ImGui::End();
        return actions;
    }
    DrawListCanvas canvas(ImGui::GetWindowDrawList(), grid_layer);
    const BoardResult drawn = paint_lesson_view(scene, state, metrics, position, size, canvas);
    ImGui::End();
    actions.fonts = drawn.fonts;
    if (drawn.click) click_to_actions(*drawn.click, scene.playground, state, actions);
    return actions;
}

}  // namespace convscope
