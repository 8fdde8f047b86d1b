// Draw a digit: the brush paints what it should, and MNIST preprocessing puts any
// drawing into a 20-pixel box centred by mass in 28x28, wherever and however large it
// was drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "core/images/digit_canvas.hpp"
#include "temp_folder.hpp"

using namespace convscope;

namespace {

struct InkExtent {
    int rows = 0;
    int cols = 0;
};

// How many rows and columns of a (1, 28, 28) field hold any ink.
InkExtent ink_extent(const Tensor& field) {
    int top = 28, bottom = -1, left = 28, right = -1;
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x)
            if (field.data()[y * 28 + x] > 0) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
                left = std::min(left, x);
                right = std::max(right, x);
            }
    if (bottom < 0) return {};
    return {bottom - top + 1, right - left + 1};
}

// A "7": a bar and a slanted stem, scaled by `size` and moved to (x, y).
void draw_seven(DigitCanvas& canvas, float x, float y, float size) {
    canvas.stroke(x, y, x + size, y);
    canvas.stroke(x + size, y, x + 0.4f * size, y + 1.6f * size);
}

}  // namespace

TEST_CASE("the brush paints full ink at the stroke and nothing beyond its radius") {
    DigitCanvas canvas(100, 10.0f);
    CHECK(canvas.empty());
    canvas.stroke(20, 50, 80, 50);
    CHECK_FALSE(canvas.empty());
    CHECK(canvas.at(50, 50) == 1.0f);
    CHECK(canvas.at(50, 20) == 1.0f);  // the end caps are round, not cut
    CHECK(canvas.at(50 - 12, 50) == 0.0f);
    CHECK(canvas.at(50 + 11, 50) == 0.0f);
    // The edge is soft: partial ink between the core and the radius.
    const float edge = canvas.at(50 + 7, 50);
    CHECK(edge > 0.0f);
    CHECK(edge < 1.0f);
    // Going over the same place again does not exceed full ink.
    canvas.stroke(50, 40, 50, 60);
    for (float v : canvas.pixels()) CHECK(v <= 1.0f);
    // A click without moving paints a dot.
    canvas.stroke(10, 10, 10, 10);
    CHECK(canvas.at(10, 10) == 1.0f);
    canvas.clear();
    CHECK(canvas.empty());
}

TEST_CASE("an empty canvas preprocesses to a blank field") {
    DigitCanvas canvas;
    const Tensor field = mnist_preprocess(canvas);
    REQUIRE(field.shape() == std::vector<int>{1, 28, 28});
    CHECK(
        std::all_of(field.values().begin(), field.values().end(), [](float v) { return v == 0; }));
    CHECK(centre_of_mass(field.data(), 28, 28).row == -1);
}

TEST_CASE("a digit drawn in a corner ends up centred by mass in a 20 pixel box") {
    DigitCanvas canvas;
    draw_seven(canvas, 20, 15, 50);
    const Tensor field = mnist_preprocess(canvas);
    const CentreOfMass mass = centre_of_mass(field.data(), 28, 28);
    // Whole-pixel shifts: within half a pixel of the centre 13.5.
    CHECK(std::abs(mass.row - 13.5) <= 0.5);
    CHECK(std::abs(mass.col - 13.5) <= 0.5);
    const InkExtent extent = ink_extent(field);
    CHECK(extent.rows == 20);  // the taller side fills the box
    CHECK(extent.cols < 20);
    CHECK(extent.cols >= 10);
    CHECK(*std::max_element(field.values().begin(), field.values().end()) == 1.0f);
}

TEST_CASE("preprocessing keeps the aspect ratio of a tall stroke") {
    DigitCanvas canvas(280, 11.0f);
    canvas.stroke(140, 40, 140, 240);  // a "1": 222 x 22 pixels of ink
    const InkExtent extent = ink_extent(mnist_preprocess(canvas));
    CHECK(extent.rows == 20);
    CHECK(extent.cols == 2);  // 22 * 20 / 222, rounded
}

TEST_CASE("where a digit is drawn does not change its preprocessed image") {
    DigitCanvas top_left, bottom_right;
    draw_seven(top_left, 15, 10, 60);
    draw_seven(bottom_right, 170, 150, 60);
    CHECK(mnist_preprocess(top_left).values() == mnist_preprocess(bottom_right).values());
}

TEST_CASE("a digit drawn twice as large preprocesses to nearly the same image") {
    DigitCanvas small(280, 6.0f), large(280, 12.0f);
    draw_seven(small, 40, 40, 50);
    draw_seven(large, 40, 40, 100);
    const Tensor a = mnist_preprocess(small);
    const Tensor b = mnist_preprocess(large);
    double difference = 0, ink = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference += std::abs(a.data()[i] - b.data()[i]);
        ink += a.data()[i];
    }
    MESSAGE("L1 difference " << difference << " of " << ink << " ink");
    CHECK(difference < 0.2 * ink);
}

TEST_CASE("faint smudges below the threshold do not shrink the digit") {
    std::vector<float> ink(100 * 100, 0.0f);
    ink[0] = 0.01f;  // a smudge in the far corner
    for (int y = 30; y < 70; ++y)
        for (int x = 45; x < 55; ++x) ink[y * 100 + x] = 1.0f;
    const InkExtent extent = ink_extent(mnist_preprocess(ink.data(), 100, 100));
    CHECK(extent.rows == 20);
    CHECK(extent.cols == 5);
}
