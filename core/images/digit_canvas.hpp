// Draw a digit (Harley's visualization): a square canvas the mouse paints with a soft
// round brush, and the preprocessing that turns a drawing into an MNIST-style 28x28
// input, as LeCun et al. made the MNIST images:
//   1. crop to the bounding box of the ink;
//   2. scale it (area averaging, which anti-aliases) so its longer side is 20 pixels,
//      keeping the aspect ratio;
//   3. place it in a 28x28 field so its centre of mass sits at the field's centre.
// Without this a digit drawn small in a corner is far from anything the network saw.
#pragma once

#include <vector>

#include "core/tensor/tensor.hpp"

namespace convscope {

// Ink in [0, 1]: 0 is background, 1 is full ink (MNIST's convention: white on black).
class DigitCanvas {
  public:
    // side: pixels per side. brush_radius: in canvas pixels; the default gives strokes
    // about as thick, relative to the digit, as MNIST's.
    explicit DigitCanvas(int side = 280, float brush_radius = 11.0f);

    int side() const { return side_; }
    float brush_radius() const { return brush_radius_; }
    void set_brush_radius(float radius);

    // (side, side) row-major, top row first.
    const std::vector<float>& pixels() const { return pixels_; }
    float at(int y, int x) const { return pixels_[static_cast<std::size_t>(y) * side_ + x]; }

    // Paints the segment from (x0, y0) to (x1, y1) in canvas pixels (the mouse's last and
    // current position; equal points paint a dot). Points may lie outside the canvas.
    // Ink is the larger of what was there and the brush, so going over a stroke again
    // does not darken it past 1.
    void stroke(float x0, float y0, float x1, float y1);
    void clear();
    bool empty() const;

  private:
    int side_;
    float brush_radius_;
    std::vector<float> pixels_;
};

constexpr int kMnistSide = 28;
constexpr int kMnistDigitBox = 20;

// ink (height, width) in [0, 1] -> (1, 28, 28) as described above, scaled so the
// brightest pixel is 1 (MNIST's digits reach full ink; area averaging dims thin strokes).
// Pixels below `threshold` do not count towards the bounding box, so faint smudges do not
// shrink the digit. An empty drawing gives all zeros. If centring by mass would push part
// of the digit off the field, the shift is limited so the whole box stays inside.
// Where the ink went: the box (top, left, box_h x box_w) of the picture became the
// digit_h x digit_w block at (offset_y, offset_x) of the 28x28 field. empty: no ink.
struct DigitPlacement {
    bool empty = true;
    int top = 0, left = 0, box_h = 0, box_w = 0;
    int offset_y = 0, offset_x = 0, digit_h = 0, digit_w = 0;
};
// `placement`, when given, receives where the ink went (to map results back onto it).
Tensor mnist_preprocess(const float* ink, int height, int width, float threshold = 0.05f,
                        DigitPlacement* placement = nullptr);
inline Tensor mnist_preprocess(const DigitCanvas& canvas) {
    return mnist_preprocess(canvas.pixels().data(), canvas.side(), canvas.side());
}

// The centre of mass (row, column) of a plane's values, in pixel indices; (-1, -1) when
// the plane is all zero.
struct CentreOfMass {
    double row = -1;
    double col = -1;
};
CentreOfMass centre_of_mass(const float* values, int height, int width);

}  // namespace convscope
