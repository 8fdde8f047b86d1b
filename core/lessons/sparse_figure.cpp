#include "core/lessons/sparse_figure.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

SparseFigure build_sparse_figure(const Playground& playground) {
    CS_CHECK(playground.trace.op() == TracedOp::Conv);
    const ConvGeometry& g = playground.trace.geometry();
    SparseFigure figure;
    figure.matrix = conv_as_matrix(g);
    figure.entry_weights = matrix_weights(figure.matrix, playground.kernel, 0, 0);
    figure.output_cols = g.w.output;
    figure.kernel_cells = g.h.kernel * g.w.kernel;
    figure.connections = figure.matrix.connections();
    figure.dense_connections = figure.matrix.dense_connections();
    return figure;
}

}  // namespace convscope
