// A picture read as a digit and a 28x28 map laid back over it: dark ink on light paper
// is inverted, and the digit itself mapped back lands on the ink it came from.
#include <doctest/doctest.h>

#include "core/images/digit_input.hpp"

using namespace convscope;

namespace {

// A 60x40 picture (H x W), white paper with a black bar at rows 10-49, columns 12-21.
Tensor paper_with_bar() {
    Tensor picture({1, 60, 40}, 1.0f);
    for (int y = 10; y < 50; ++y)
        for (int x = 12; x < 22; ++x) picture.data()[y * 40 + x] = 0.0f;
    return picture;
}

}  // namespace

TEST_CASE("a dark digit on light paper is inverted, and its placement is reported") {
    const DigitInput input = picture_as_digit_input(paper_with_bar());
    CHECK(input.inverted);
    CHECK_FALSE(input.placement.empty);
    CHECK(input.placement.top == 10);
    CHECK(input.placement.left == 12);
    CHECK(input.placement.box_h == 40);
    CHECK(input.placement.digit_h == 20);  // the longer side scaled to 20
    CHECK(input.digit.dim(1) == 28);
}

TEST_CASE("the digit mapped back onto the picture lies on the ink") {
    const Tensor picture = paper_with_bar();
    const DigitInput input = picture_as_digit_input(picture);
    for (int scale : {1, 2}) {  // at the picture's size and shown twice as large
        const int height = 60 * scale, width = 40 * scale;
        const std::vector<float> back =
            field_map_on_picture(input.digit.values(), input.placement, 60, 40, height, width);
        REQUIRE(back.size() == static_cast<std::size_t>(height * width));
        double ink = 0, paper = 0;
        int ink_cells = 0, paper_cells = 0;
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const bool on_bar = y / scale >= 11 && y / scale < 49 && x / scale >= 13 &&
                                    x / scale < 21;  // inside, a pixel from the edge
                const bool far =
                    y / scale < 6 || y / scale >= 54 || x / scale < 8 || x / scale >= 26;
                if (on_bar) ink += back[y * width + x], ++ink_cells;
                if (far) paper += back[y * width + x], ++paper_cells;
            }
        INFO("scale " << scale);
        CHECK(ink / ink_cells > 0.8);
        CHECK(paper / paper_cells < 0.05);
    }
}
