// The convolution as a sparse matrix: connection counts and weight sharing.
#include <doctest/doctest.h>

#include <random>

#include "core/lessons/conv_matrix.hpp"
#include "core/ops/reference_ops.hpp"

using namespace convscope;

namespace {

ConvGeometry square(int input, int kernel, int stride, Padding padding) {
    AxisParams a;
    a.input = input;
    a.kernel = kernel;
    a.stride = stride;
    a.padding = padding;
    return resolve_geometry(OpKind::Conv, a, a);
}

}  // namespace

TEST_CASE("seed 2.7.1: k x n connections instead of m x n") {
    const ConvMatrix m = conv_as_matrix(square(5, 3, 1, Padding::of(0)));
    CHECK(m.rows == 9);   // n outputs
    CHECK(m.cols == 25);  // m inputs
    CHECK(m.connections() == 9 * 9);
    CHECK(m.dense_connections() == 225);
}

TEST_CASE("seed 2.7.2: every weight is shared by every output position") {
    const ConvMatrix m = conv_as_matrix(square(5, 3, 1, Padding::of(0)));
    for (int index = 0; index < 9; ++index) CHECK(m.uses_of_weight(index) == 9);
    const ConvMatrix padded = conv_as_matrix(square(5, 3, 1, Padding::of(1)));
    CHECK(padded.uses_of_weight(4) == 25);  // the centre weight never falls on padding
    CHECK(padded.uses_of_weight(0) == 16);  // the corner weight misses a row and a column
}

TEST_CASE("the matrix times the flattened input equals the convolution") {
    std::mt19937 rng(9);
    std::uniform_int_distribution<int> digit(-3, 3);
    const ConvGeometry g = square(6, 3, 2, Padding::of(1));
    Tensor input({1, 1, 6, 6}), kernel({1, 1, 3, 3});
    for (std::size_t i = 0; i < input.size(); ++i) input.data()[i] = static_cast<float>(digit(rng));
    for (std::size_t i = 0; i < kernel.size(); ++i)
        kernel.data()[i] = static_cast<float>(digit(rng));
    const ConvMatrix m = conv_as_matrix(g);
    const Tensor expected = conv2d(input, kernel, {}, Options2d::uniform(2, Padding::of(1)));
    for (int row = 0; row < m.rows; ++row) {
        float sum = 0;
        for (int col = 0; col < m.cols; ++col)
            if (m.at(row, col) >= 0) sum += kernel.data()[m.at(row, col)] * input.data()[col];
        CHECK(sum == expected.data()[row]);
    }
}
