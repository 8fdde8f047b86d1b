// CorrelationConvolution (issue 11): the chapter's formula is cross-correlation, what
// PyTorch computes; the switch turns the kernel 180° for the mathematical convolution.
// Either way the steps board of core's playground, with the formula and whether this
// kernel is the same turned 180° (core's CorrelationFigure) written beneath.
#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/restyled_board.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

namespace {

std::string symmetry_sentence(const CorrelationFigure& figure) {
    if (figure.symmetric) return tr("This kernel is the same turned 180°: the two agree.");
    if (figure.differing_cells == 0) {
        return tr("This kernel changes when turned 180°, yet here the outputs happen to agree.");
    }
    return trf("This kernel changes when turned 180°: the two differ in {n} of {m} output cells.",
               {{"n", std::to_string(figure.differing_cells)},
                {"m", std::to_string(figure.output_cells)}});
}

}  // namespace

LessonBoard correlation_board(const ViewContext& context) {
    const auto* figure = std::get_if<CorrelationFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    const bool turned = context.state.kernel_turned;
    LessonBoard result;
    if (!turned) {
        result = steps_board(context);
        result.lines.resize(1);
        result.lines.push_back(
            {{tr("Cross-correlation, the chapter's formula and PyTorch's conv2d: "
                 "S(i,j) = Σm Σn I(i+m, j+n) K(m,n)"),
              kInk}});
    } else {
        const Playground& convolution = figure->convolution;
        const TraceStep step = convolution.trace.step(context.step_index);
        ViewContext inner{convolution,        context.figure, step,
                          context.step_index, context.state,  context.metrics};
        inner.area = context.area;
        LessonBoard steps = steps_board(inner);
        const bool one_slice = convolution.kernel.dim(0) == 1 && convolution.kernel.dim(1) == 1;
        result.board = restyled(steps.board, [&](Board::PlacedGrid& placed) {
            if (placed.target.kind != ClickTarget::Kind::KernelCell) return true;
            placed.grid.title =
                one_slice ? std::string(tr("Kernel turned 180°"))
                          : trf("Turned f={f} c={c}", {{"f", std::to_string(placed.target.i0)},
                                                       {"c", std::to_string(placed.target.i1)}});
            // The drawn cell (y, x) is the kernel's (KH-1-y, KW-1-x): edit it unturned.
            placed.target = ClickTarget{};
            return true;
        });
        result.lines.push_back(steps.lines.front());
        result.lines.push_back(
            {{tr("Convolution, the kernel turned 180°: S(i,j) = Σm Σn I(i−m, j−n) K(m,n)"), kInk}});
    }
    result.lines.push_back({{symmetry_sentence(*figure), kMutedInk}});
    return result;
}

}  // namespace convscope
