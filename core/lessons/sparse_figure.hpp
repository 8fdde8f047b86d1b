// The sparse-connectivity lesson's figure (seed 2.7.1): the convolution written as a
// matrix (row = output cell, column = input cell) holding the kernel's weights, and
// the counts the lesson sets against a fully connected layer between the same cells:
// k x n connections instead of m x n, fewer where windows reach into the padding
// (a padded cell has no column).
#pragma once

#include <vector>

#include "core/lessons/conv_matrix.hpp"
#include "core/lessons/playground.hpp"

namespace convscope {

struct SparseFigure {
    ConvMatrix matrix;                 // which kernel cell joins each output to each input
    std::vector<float> entry_weights;  // kernel slice (0, 0)'s weight in each entry, 0 for none
    int output_cols = 0;               // OW: output cell (y, x) is row y * OW + x
    int kernel_cells = 0;              // k = KH*KW: a window's inputs, and the distinct weights
    int connections = 0;               // the matrix's non-empty entries: k x n without padding
    int dense_connections = 0;         // m x n: every entry of a fully connected layer

    int outputs() const { return matrix.rows; }  // n
    int inputs() const { return matrix.cols; }   // m
    int row_of(int y, int x) const { return y * output_cols + x; }
    // The real inputs output `row` reads: its non-empty entries.
    int inputs_read(int row) const { return matrix.connections_in_row(row); }
    // k x n: a window's cells times the outputs, the connections without padding.
    int window_cells() const { return kernel_cells * outputs(); }
    // Windows reach into the padding, so there are fewer than k x n connections.
    bool padding_cuts_connections() const { return connections < window_cells(); }
};

// For a playground whose operation is a convolution.
SparseFigure build_sparse_figure(const Playground& playground);

}  // namespace convscope
