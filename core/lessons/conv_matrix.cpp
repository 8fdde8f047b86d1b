#include "core/lessons/conv_matrix.hpp"

#include <algorithm>

#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

int ConvMatrix::connections() const {
    return static_cast<int>(std::count_if(weight_index.begin(), weight_index.end(),
                                          [](int index) { return index >= 0; }));
}

int ConvMatrix::connections_in_row(int row) const {
    CS_CHECK(row >= 0 && row < rows);
    const auto first = weight_index.begin() + static_cast<std::ptrdiff_t>(row) * cols;
    return static_cast<int>(
        std::count_if(first, first + cols, [](int index) { return index >= 0; }));
}

int ConvMatrix::uses_of_weight(int index) const {
    return static_cast<int>(std::count(weight_index.begin(), weight_index.end(), index));
}

ConvMatrix conv_as_matrix(const ConvGeometry& g) {
    ConvMatrix m;
    m.rows = g.h.output * g.w.output;
    m.cols = g.h.input * g.w.input;
    m.weight_index.assign(static_cast<std::size_t>(m.rows) * m.cols, -1);
    for (int oy = 0; oy < g.h.output; ++oy)
        for (int ox = 0; ox < g.w.output; ++ox)
            for (const Tap& tap : output_taps(g, oy, ox)) {
                if (tap.padded) continue;
                const int row = oy * g.w.output + ox;
                const int col = tap.in_y * g.w.input + tap.in_x;
                m.weight_index[static_cast<std::size_t>(row) * m.cols + col] =
                    tap.k_y * g.w.kernel + tap.k_x;
            }
    return m;
}

std::vector<float> matrix_weights(const ConvMatrix& matrix, const Tensor& kernel, int f, int c) {
    CS_CHECK(kernel.rank() == 4 && f >= 0 && f < kernel.dim(0) && c >= 0 && c < kernel.dim(1));
    const int kernel_cols = kernel.dim(3);
    std::vector<float> weights(matrix.weight_index.size(), 0.0f);
    for (std::size_t entry = 0; entry < weights.size(); ++entry) {
        const int index = matrix.weight_index[entry];
        if (index >= 0) weights[entry] = kernel.at(f, c, index / kernel_cols, index % kernel_cols);
    }
    return weights;
}

}  // namespace convscope
