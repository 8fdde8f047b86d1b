#include "core/lessons/pool_robustness_figure.hpp"

#include "core/lessons/translation.hpp"
#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// The first real cell of the window with the largest value, as the trace picks it.
GridCell window_maximum(const Tensor& input, int n, int c, const std::vector<Tap>& taps) {
    GridCell best;
    for (const Tap& tap : taps) {
        if (tap.padded) continue;  // padding never wins
        if (!best.exists() || input.at(n, c, tap.in_y, tap.in_x) > input.at(n, c, best.y, best.x)) {
            best = {tap.in_y, tap.in_x};
        }
    }
    return best;
}

}  // namespace

std::size_t PoolRobustnessFigure::index(int n, int c, int y, int x) const {
    const Tensor& out = shifted_output;
    CS_CHECK(n >= 0 && n < out.dim(0) && c >= 0 && c < out.dim(1) && y >= 0 && y < out.dim(2) &&
             x >= 0 && x < out.dim(3));
    return static_cast<std::size_t>(((n * out.dim(1) + c) * out.dim(2) + y) * out.dim(3) + x);
}

int PoolRobustnessFigure::kept_in_map(int n, int c) const {
    CS_CHECK(n >= 0 && n < shifted_output.dim(0) && c >= 0 && c < shifted_output.dim(1));
    return kept_per_map[static_cast<std::size_t>(n * shifted_output.dim(1) + c)];
}

PoolRobustnessFigure build_pool_robustness_figure(const Playground& playground) {
    CS_CHECK(playground.trace.op() == TracedOp::MaxPool);
    const PlaygroundSetup& s = playground.setup;
    const ConvGeometry& g = playground.trace.geometry();
    PoolRobustnessFigure figure;
    figure.shifted_input = shift_tensor(playground.input, figure.dy, figure.dx);
    figure.shifted_output = max_pool2d(figure.shifted_input, s.kernel_h, s.kernel_w, s.options);
    figure.kept = max_pool_unchanged_after_shift(playground.input, s.kernel_h, s.kernel_w,
                                                 s.options, figure.dy, figure.dx);
    const Tensor& out = figure.shifted_output;
    std::size_t cell = 0;
    for (int n = 0; n < out.dim(0); ++n)
        for (int c = 0; c < out.dim(1); ++c) {
            int kept = 0;
            for (int y = 0; y < out.dim(2); ++y)
                for (int x = 0; x < out.dim(3); ++x, ++cell) {
                    figure.winners.push_back(
                        window_maximum(figure.shifted_input, n, c, output_taps(g, y, x)));
                    kept += figure.kept[cell] ? 1 : 0;
                    figure.kept_so_far.push_back(kept);
                }
            figure.kept_per_map.push_back(kept);
        }
    return figure;
}

}  // namespace convscope
