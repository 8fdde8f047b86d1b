// VisitCounts (seed 2.3): the steps, and beside them how often each input cell is
// read (core's VisitCountsFigure). Same padding under-represents the border; full
// padding reads every cell k times per axis.
#include <algorithm>

#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

LessonBoard visit_counts_board(const ViewContext& context) {
    LessonBoard result;
    const auto* figure = std::get_if<VisitCountsFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    const Playground& pg = context.playground;
    const ConvGeometry& g = pg.trace.geometry();
    const float right = add_single_slice_steps(context, result.board);

    std::vector<float> values(figure->counts.begin(), figure->counts.end());
    GridView heat = GridView::of(GridRole::Input, tr("Reads per input cell"), figure->rows,
                                 figure->cols, std::move(values));
    heat.shading = GridShading::Heat;
    // The cells the current window reads, clipped to the real input.
    for (const TraceTerm& term : context.step.terms) {
        if (term.channel == 0 && !term.tap.padded) {
            heat.outlines.push_back({term.tap.in_y, term.tap.in_x, 1, 1});
        }
    }
    // Rows line up with the input's real rows (below its padding ring).
    const PaddedAxis rows = input_padding_ring(pg).h;
    const float input_rows = static_cast<float>(rows.size());
    const float tallest = std::max(input_rows, static_cast<float>(g.h.output));
    const float top = (tallest - input_rows) * 0.5f + static_cast<float>(rows.before);
    result.board.add_grid(std::move(heat), right + 2.2f, top, input_target(pg, 0, 0), true);

    result.lines.push_back(step_equation_line(context));
    // Where the fewest reads are is counted, not assumed: a stride past the kernel reads
    // the corners and skips cells inside.
    const TextArgs counts = {{"n", std::to_string(figure->most)},
                             {"fewest", std::to_string(figure->fewest)},
                             {"most", std::to_string(figure->most)},
                             {"never", std::to_string(figure->never_read())}};
    std::string reads;
    if (figure->uniform()) {
        reads = figure->most == 1 ? tr("Every input cell is read once.")
                                  : trf("Every input cell is read {n} times.", counts);
    } else if (figure->border_read_least()) {
        reads = trf("Input cells are read {fewest} to {most} times: the border least.", counts);
    } else if (figure->never_read() == 1) {
        reads = trf("Input cells are read {fewest} to {most} times; 1 is never read.", counts);
    } else if (figure->never_read() > 0) {
        reads =
            trf("Input cells are read {fewest} to {most} times; {never} are never read.", counts);
    } else {
        reads = trf("Input cells are read {fewest} to {most} times.", counts);
    }
    result.lines.push_back({{reads + "    " + output_formula(pg), kMutedInk}});
    return result;
}

}  // namespace convscope
