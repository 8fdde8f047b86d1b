#include "core/lessons/sharing_figure.hpp"

#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

const WeightUses& SharingFigure::uses(int ky, int kx) const {
    CS_CHECK(ky >= 0 && ky < kernel_h && kx >= 0 && kx < kernel_w);
    return weights[static_cast<std::size_t>(ky * kernel_w + kx)];
}

SharingFigure build_sharing_figure(const Playground& playground) {
    CS_CHECK(playground.trace.op() == TracedOp::Conv);
    const ConvGeometry& g = playground.trace.geometry();
    SharingFigure figure;
    figure.matrix = conv_as_matrix(g);
    figure.entry_weights = matrix_weights(figure.matrix, playground.kernel, 0, 0);
    figure.kernel_h = g.h.kernel;
    figure.kernel_w = g.w.kernel;
    figure.weights.resize(static_cast<std::size_t>(g.h.kernel * g.w.kernel));
    for (int oy = 0; oy < g.h.output; ++oy)
        for (int ox = 0; ox < g.w.output; ++ox)
            for (const Tap& tap : output_taps(g, oy, ox)) {
                if (tap.padded) continue;
                WeightUses& uses =
                    figure.weights[static_cast<std::size_t>(tap.k_y * g.w.kernel + tap.k_x)];
                uses.inputs.push_back({tap.in_y, tap.in_x});
                uses.outputs.push_back({oy, ox});
            }
    for (int row = 0; row < figure.matrix.rows; ++row)
        for (int col = 0; col < figure.matrix.cols; ++col) {
            const int weight = figure.matrix.at(row, col);
            if (weight >= 0)
                figure.weights[static_cast<std::size_t>(weight)].entries.push_back({row, col});
        }
    return figure;
}

}  // namespace convscope
