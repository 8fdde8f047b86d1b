// The im2col lesson's figure: a convolution as the engine computes it (core/nn's
// ConvolutionLayer). Each item's input is unrolled into a (C*KH*KW) x (OH*OW) matrix,
// one column per window; the filters are the rows of an FN x (C*KH*KW) matrix; their
// product is the output, FN x (OH*OW). Row r of a column is input channel
// r / (KH*KW), kernel cell (r % (KH*KW)) / KW, r % KW: the order the step trace lists
// its terms, so step t's column is the t-th window's cells.
#pragma once

#include <vector>

#include "core/lessons/playground.hpp"

namespace convscope {

struct Im2colFigure {
    int items = 0;        // N: one column matrix per item
    int patch = 0;        // C*KH*KW: rows of a column matrix, columns of the filter matrix
    int cells = 0;        // OH*OW: columns of a column matrix and of the product
    int filters = 0;      // FN: rows of the filter matrix and of the product
    int output_cols = 0;  // OW: output cell (y, x) is column y * OW + x
    // items x patch x cells, row-major per item; a padded cell holds 0.
    std::vector<float> columns;
    std::vector<bool> padded;  // patch x cells: the entry is a padding cell (every item alike)
    std::vector<float> filter_rows;  // filters x patch: filter f's kernel (f, c, ky, kx)
    std::vector<float> bias;         // FN values or empty
    // items x filters x cells: filter_rows x columns (+ bias), by a matrix product.
    std::vector<float> product;

    float column_entry(int n, int row, int col) const {
        return columns[(static_cast<std::size_t>(n) * patch + row) * cells + col];
    }
    bool is_padding(int row, int col) const {
        return padded[static_cast<std::size_t>(row) * cells + col];
    }
    float weight(int f, int row) const {
        return filter_rows[static_cast<std::size_t>(f) * patch + row];
    }
    float product_entry(int n, int f, int col) const {
        return product[(static_cast<std::size_t>(n) * filters + f) * cells + col];
    }
    int column_of(int y, int x) const { return y * output_cols + x; }
};

// For a playground whose operation is a convolution.
Im2colFigure build_im2col_figure(const Playground& playground);

// Which `count` of `total` rows or columns a clipped matrix shows so that `focus` is
// among them: whole pages of `count`, so the view jumps a page at a time rather than
// scrolling by one every step. All of them when they fit.
struct MatrixWindow {
    int first = 0;
    int count = 0;
    bool clipped(int total) const { return count < total; }
};
MatrixWindow matrix_window(int total, int capacity, int focus);

}  // namespace convscope
