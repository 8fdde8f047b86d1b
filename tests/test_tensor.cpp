// The tensor container: shapes, NCHW indexing, rank lifting.
#include <doctest/doctest.h>

#include "core/tensor/tensor.hpp"

using namespace convscope;

TEST_CASE("NCHW indexing is row-major with W contiguous") {
    Tensor t({2, 3, 4, 5});
    CHECK(t.size() == 120);
    t.at(1, 2, 3, 4) = 7;
    CHECK(t.data()[119] == 7);
    t.at(0, 1, 0, 0) = 5;
    CHECK(t.data()[20] == 5);
}

TEST_CASE("rank lifting and reshaping keep the values") {
    const Tensor grid({2, 3}, {1, 2, 3, 4, 5, 6});
    const Tensor lifted = grid.as_rank4();
    CHECK(lifted.shape() == std::vector<int>{1, 1, 2, 3});
    CHECK(lifted.at(0, 0, 1, 2) == 6);
    CHECK(grid.reshaped({3, 2}).values() == grid.values());
    CHECK(shape_text(lifted.shape()) == "(1, 1, 2, 3)");
}
