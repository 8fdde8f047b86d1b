// A convolution written as a matrix (seed 2.7.1 and 2.7.2): row = output cell,
// column = input cell, entry = which kernel weight connects them. Most entries are
// empty (sparse connectivity) and the same few weights repeat on every row
// (parameter sharing).
#pragma once

#include <vector>

#include "core/ops/conv_geometry.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

struct ConvMatrix {
    int rows = 0;  // output cells, OH*OW
    int cols = 0;  // input cells, H*W
    // rows*cols entries: the kernel cell index ky*KW + kx, or -1 for no connection.
    std::vector<int> weight_index;

    int at(int row, int col) const {
        return weight_index[static_cast<std::size_t>(row) * cols + col];
    }
    int connections() const;                               // non-empty entries: k x n at most
    int connections_in_row(int row) const;                 // the real inputs output `row` reads
    int dense_connections() const { return rows * cols; }  // m x n
    // How many entries use kernel cell `index`: how often one weight is shared.
    int uses_of_weight(int index) const;
};

// One channel, one filter; padded cells have no column, so border rows hold fewer entries.
ConvMatrix conv_as_matrix(const ConvGeometry& geometry);

// The matrix's entries filled with kernel slice (f, c) of a conv kernel (F,C,KH,KW):
// rows*cols values, row-major, 0 where there is no connection.
std::vector<float> matrix_weights(const ConvMatrix& matrix, const Tensor& kernel, int f, int c);

}  // namespace convscope
