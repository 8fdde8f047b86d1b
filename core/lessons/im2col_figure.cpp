#include "core/lessons/im2col_figure.hpp"

#include <algorithm>

#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/gemm.hpp"

namespace convscope {

Im2colFigure build_im2col_figure(const Playground& playground) {
    CS_CHECK(playground.trace.op() == TracedOp::Conv);
    const ConvGeometry& g = playground.trace.geometry();
    const Tensor& input = playground.input;
    const Tensor& kernel = playground.kernel;  // (F, C/G, KH, KW)
    Im2colFigure figure;
    figure.items = input.dim(0);
    const int channels = input.dim(1);
    const int window = g.h.kernel * g.w.kernel;
    figure.patch = channels * window;
    figure.cells = g.h.output * g.w.output;
    figure.filters = kernel.dim(0);
    figure.output_cols = g.w.output;
    figure.bias = playground.bias;

    // The padding pattern is the same for every item and channel: taps of each window.
    figure.padded.assign(static_cast<std::size_t>(figure.patch) * figure.cells, false);
    figure.columns.assign(static_cast<std::size_t>(figure.items) * figure.patch * figure.cells,
                          0.0f);
    for (int oy = 0; oy < g.h.output; ++oy)
        for (int ox = 0; ox < g.w.output; ++ox) {
            const int col = figure.column_of(oy, ox);
            for (const Tap& tap : output_taps(g, oy, ox)) {
                for (int c = 0; c < channels; ++c) {
                    const int row = c * window + tap.k_y * g.w.kernel + tap.k_x;
                    const std::size_t entry = static_cast<std::size_t>(row) * figure.cells + col;
                    figure.padded[entry] = tap.padded;
                    if (tap.padded) continue;
                    for (int n = 0; n < figure.items; ++n) {
                        figure.columns[static_cast<std::size_t>(n) * figure.patch * figure.cells +
                                       entry] = input.at(n, c, tap.in_y, tap.in_x);
                    }
                }
            }
        }
    // (F, C/G, KH, KW): filter f's weights go under its group's channels, zeros under the
    // others (block-diagonal rows); with G = 1 the kernel's own row-major values.
    const int groups = playground.trace.groups();
    const int group_channels = channels / groups, filters_per_group = figure.filters / groups;
    figure.filter_rows.assign(static_cast<std::size_t>(figure.filters) * figure.patch, 0.0f);
    for (int f = 0; f < figure.filters; ++f)
        for (int cg = 0; cg < group_channels; ++cg) {
            const int c = (f / filters_per_group) * group_channels + cg;
            std::copy_n(kernel.values().begin() +
                            static_cast<std::ptrdiff_t>(f * group_channels + cg) * window,
                        window,
                        figure.filter_rows.begin() + static_cast<std::ptrdiff_t>(f) * figure.patch +
                            c * window);
        }

    figure.product.assign(static_cast<std::size_t>(figure.items) * figure.filters * figure.cells,
                          0.0f);
    for (int n = 0; n < figure.items; ++n) {
        float* out =
            figure.product.data() + static_cast<std::size_t>(n) * figure.filters * figure.cells;
        for (int f = 0; f < figure.filters; ++f) {
            const float b = figure.bias.empty() ? 0.0f : figure.bias[static_cast<std::size_t>(f)];
            std::fill(out + static_cast<std::size_t>(f) * figure.cells,
                      out + static_cast<std::size_t>(f + 1) * figure.cells, b);
        }
        const float* cols =
            figure.columns.data() + static_cast<std::size_t>(n) * figure.patch * figure.cells;
        gemm<float>(Transpose::No, Transpose::No, figure.filters, figure.cells, figure.patch,
                    figure.filter_rows.data(), figure.patch, cols, figure.cells, out, figure.cells,
                    /*accumulate=*/true);
    }
    return figure;
}

MatrixWindow matrix_window(int total, int capacity, int focus) {
    capacity = std::max(capacity, 1);
    if (total <= capacity) return {0, std::max(total, 0)};
    focus = std::clamp(focus, 0, total - 1);
    const int first = (focus / capacity) * capacity;
    return {first, std::min(capacity, total - first)};
}

}  // namespace convscope
