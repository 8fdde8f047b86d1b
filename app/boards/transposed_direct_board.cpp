// TransposedDirect (issue 11): a transposed convolution drawn as conv_arithmetic draws
// it, a plain stride-1 convolution over the input with zeros inserted between its
// cells and padding around it, the kernel turned 180°. Core's TransposedDirectFigure
// holds that convolution as a playground; this is its steps board with the inserted
// zeros blank, the padding hatched and the grids retitled.
#include <algorithm>

#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/restyled_board.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

namespace {

// How the input became the stretched one, as the guide's two quantities with values.
std::string stretch_sentence(const TransposedDirectFigure& figure, const Playground& pg) {
    const StretchedAxis& h = figure.h;
    const TextArgs args = {{"zeros", std::to_string(h.stride - 1)},
                           {"pad", std::to_string(h.before)},
                           {"a", std::to_string(h.output_padding)},
                           {"input", size_text(pg.input.dim(2), pg.input.dim(3))},
                           {"stretched", size_text(figure.h.size(), figure.w.size())}};
    if (h.before < 0) {
        return trf(
            "Input {input}: zeros between cells s - 1 = {zeros}; k_eff - p - 1 = {pad} is "
            "negative, so cells are cut from the sides: {stretched}",
            args);
    }
    if (h.output_padding > 0) {
        return trf(
            "Input {input}: zeros between cells s - 1 = {zeros}, padding each side "
            "k_eff - p - 1 = {pad}, and a = {a} more after: {stretched}",
            args);
    }
    return trf(
        "Input {input}: zeros between cells s - 1 = {zeros}, padding each side "
        "k_eff - p - 1 = {pad}: {stretched}",
        args);
}

}  // namespace

LessonBoard transposed_direct_board(const ViewContext& context) {
    const auto* figure = std::get_if<TransposedDirectFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    if (!figure->fits()) {
        LessonBoard scatter = steps_board(context);
        scatter.lines.push_back({{tr("These settings make the direct view too large to compute "
                                     "here; smaller ones show it."),
                                  kErrorInk}});
        return scatter;
    }
    const Playground& direct = figure->direct;
    // Both views write the same output cell at each step.
    const TraceStep step = direct.trace.step(context.step_index);
    ViewContext inner{direct,        context.figure, step, context.step_index,
                      context.state, context.metrics};
    inner.area = context.area;
    LessonBoard steps = steps_board(inner);

    LessonBoard result;
    const std::string stretched_title =
        trf("Input {input}, zeros and padding: {size}",
            {{"input", size_text(context.playground.input.dim(2), context.playground.input.dim(3))},
             {"size", size_text(figure->h.size(), figure->w.size())}});
    result.board = restyled(steps.board, [&](Board::PlacedGrid& placed) {
        GridView& grid = placed.grid;
        // A batch's small copies of its other items: stretched, they outgrow the room the
        // steps board gives them. The input titles name the item instead.
        if (placed.scale < 1.0f && grid.role == GridRole::Input) return false;
        const bool stretched = grid.role == GridRole::Input && grid.rows == figure->h.size() &&
                               grid.cols == figure->w.size();
        if (stretched) {
            // Every slice of the step's item, and the small copies of a batch's others.
            for (int y = 0; y < grid.rows; ++y)
                for (int x = 0; x < grid.cols; ++x) {
                    const StretchedCell kind = figure->kind(y, x);
                    if (kind == StretchedCell::InsertedZero) {
                        grid.states[grid.index(y, x)] = CellState::Empty;
                    } else if (kind != StretchedCell::Input) {
                        grid.states[grid.index(y, x)] = CellState::Padding;
                    }
                }
            if (direct.input.dim(1) == 1 && direct.input.dim(0) == 1) grid.title = stretched_title;
        }
        if (placed.target.kind == ClickTarget::Kind::KernelCell) {
            grid.title = direct.kernel.dim(0) == 1 && direct.kernel.dim(1) == 1
                             ? std::string(tr("Kernel turned 180°"))
                             : trf("Turned f={f} c={c}", {{"f", std::to_string(placed.target.i0)},
                                                          {"c", std::to_string(placed.target.i1)}});
        }
        // A drawn cell here is not the tensor cell a click would edit: edit in the scatter view.
        placed.target = ClickTarget{};
        return true;
    });
    // Grids drawn at under 4 pixels a cell would spill over the window (the board draws no
    // smaller): say so instead of drawing them.
    const float width = result.board.right() - result.board.left();
    const float height = result.board.bottom() - result.board.top();
    if (context.area.x > 0 && std::min(context.area.x / width, context.area.y / height) < 4.0f) {
        result.board = Board{};
        result.lines.push_back({{tr("Too many cells to draw at these settings; smaller ones show "
                                    "the grids."),
                                 kErrorInk}});
    }
    result.lines.push_back(steps.lines.empty() ? TextLine{} : steps.lines.front());
    result.lines.push_back({{stretch_sentence(*figure, context.playground), kInk}});
    result.lines.push_back(
        {{trf("Stride 1, kernel turned 180°: the scatter view's output, {formula}",
              {{"formula", output_formula(context.playground)}}),
          kMutedInk}});
    return result;
}

}  // namespace convscope
