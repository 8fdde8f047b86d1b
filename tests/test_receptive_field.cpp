// Receptive fields through stacks of convolutions and pools.
#include <doctest/doctest.h>

#include "core/ops/receptive_field.hpp"

using namespace convscope;

namespace {

ConvGeometry layer(OpKind kind, int input, int kernel, int stride, int padding, int dilation = 1) {
    AxisParams a;
    a.input = input;
    a.kernel = kernel;
    a.stride = stride;
    a.padding = Padding::of(padding);
    a.dilation = dilation;
    return resolve_geometry(kind, a, a);
}

}  // namespace

TEST_CASE("seed 2.7.1: two 3x3 convolutions see 5x5 and three see 7x7") {
    const ConvGeometry l1 = layer(OpKind::Conv, 9, 3, 1, 0);
    const ConvGeometry l2 = layer(OpKind::Conv, 7, 3, 1, 0);
    const ConvGeometry l3 = layer(OpKind::Conv, 5, 3, 1, 0);
    const auto two = receptive_field({l1, l2}, 2, 2);
    REQUIRE(two.size() == 3);
    CHECK(two[0].rows.first == 2);
    CHECK(two[0].rows.size() == 5);
    CHECK(two[1].rows.size() == 3);
    CHECK(two[2].rows.size() == 1);
    CHECK(receptive_field({l1, l2, l3}, 0, 0)[0].cols.size() == 7);
}

TEST_CASE("SimpleConvNet: a pooled unit sees a 6x6 patch of the 28x28 digit") {
    const ConvGeometry conv = layer(OpKind::Conv, 28, 5, 1, 0);  // 28 -> 24
    const ConvGeometry pool = layer(OpKind::Pool, 24, 2, 2, 0);  // 24 -> 12
    const auto field = receptive_field({conv, pool}, 3, 5);
    CHECK(field[0].rows.first == 6);
    CHECK(field[0].rows.last == 11);
    CHECK(field[0].cols.first == 10);
    CHECK(field[0].cols.size() == 6);
}

TEST_CASE("stride and dilation grow the field; padding is clipped away") {
    const ConvGeometry dilated = layer(OpKind::Conv, 9, 3, 1, 0, 2);
    CHECK(receptive_field({dilated}, 0, 0)[0].rows.size() == 5);
    const ConvGeometry strided = layer(OpKind::Conv, 9, 3, 2, 0);  // 9 -> 4
    const ConvGeometry next = layer(OpKind::Conv, 4, 3, 1, 0);     // 4 -> 2
    CHECK(receptive_field({strided, next}, 0, 0)[0].rows.size() == 7);
    const ConvGeometry padded = layer(OpKind::Conv, 5, 3, 1, 1);
    const auto corner = receptive_field({padded}, 0, 0);
    CHECK(corner[0].rows.first == -1);
    CHECK(corner[0].rows.size() == 3);
    CHECK(corner[0].clipped_rows.first == 0);
    CHECK(corner[0].clipped_rows.size() == 2);
    CHECK(corner[0].reaches_padding());
    CHECK(corner[0].has_input_cells());
    const auto centre = receptive_field({padded}, 2, 2);
    CHECK_FALSE(centre[0].reaches_padding());
    CHECK(centre[0].has_input_cells());
    // A 1x1 kernel two cells into the ring reads padding alone.
    const auto outside = receptive_field({layer(OpKind::Conv, 3, 1, 1, 2)}, 0, 3);
    CHECK(outside[0].rows.size() == 1);
    CHECK(outside[0].reaches_padding());
    CHECK_FALSE(outside[0].has_input_cells());
}
