// VisitCounts (seed 2.3): the steps, and beside them how often each input cell is
// read. Same padding under-represents the border; full padding reads every cell k times
// per axis.
#include <algorithm>

#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"
#include "core/ops/window_map.hpp"

namespace convscope {

LessonBoard visit_counts_board(const ViewContext& context) {
    LessonBoard result;
    const Playground& pg = context.playground;
    const ConvGeometry& g = pg.trace.geometry();
    const float right = add_single_slice_steps(context, result.board);

    const std::vector<int> counts = visit_counts(g);
    std::vector<float> values(counts.begin(), counts.end());
    GridView heat =
        GridView::of(GridRole::Input, "Reads per input cell", g.h.input, g.w.input, values);
    heat.shading = GridShading::Heat;
    // The cells the current window reads, clipped to the real input.
    for (const TraceTerm& term : context.step.terms) {
        if (term.channel == 0 && !term.tap.padded) {
            heat.outlines.push_back({term.tap.in_y, term.tap.in_x, 1, 1});
        }
    }
    // Rows line up with the input's real rows (below its padding ring).
    const float input_rows =
        static_cast<float>(g.kind == OpKind::TransposedConv ? g.h.input : g.h.padded_input());
    const float tallest = std::max(input_rows, static_cast<float>(g.h.output));
    const float top = (tallest - input_rows) * 0.5f + input_row_offset(pg);
    result.board.add_grid(std::move(heat), right + 2.2f, top, input_target(pg, 0, 0), true);

    const auto [fewest, most] = std::minmax_element(counts.begin(), counts.end());
    result.lines.push_back(step_equation_line(context));
    const std::string reads = *fewest == *most
                                  ? "Every input cell is read " + std::to_string(*most) + " times."
                                  : "Input cells are read " + std::to_string(*fewest) + " to " +
                                        std::to_string(*most) + " times: the border least.";
    result.lines.push_back({{reads + "    " + output_formula(pg), kMutedInk}});
    return result;
}

}  // namespace convscope
