#include "core/images/digit_canvas.hpp"

#include <algorithm>
#include <cmath>

#include "core/formats/image_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

DigitCanvas::DigitCanvas(int side, float brush_radius)
    : side_(side), brush_radius_(brush_radius), pixels_(static_cast<std::size_t>(side) * side) {
    CS_CHECK(side >= 1 && brush_radius > 0);
}

void DigitCanvas::set_brush_radius(float radius) {
    if (!(radius > 0)) throw InputError("the brush radius must be above 0");
    brush_radius_ = radius;
}

void DigitCanvas::stroke(float x0, float y0, float x1, float y1) {
    // A soft round brush: full ink up to half the radius, then a smooth fall to zero at
    // the radius, so strokes have anti-aliased edges like scanned pen strokes.
    const float radius = brush_radius_;
    const float core = 0.5f * radius;
    const int left = std::max(0, static_cast<int>(std::floor(std::min(x0, x1) - radius)));
    const int right = std::min(side_ - 1, static_cast<int>(std::ceil(std::max(x0, x1) + radius)));
    const int top = std::max(0, static_cast<int>(std::floor(std::min(y0, y1) - radius)));
    const int bottom = std::min(side_ - 1, static_cast<int>(std::ceil(std::max(y0, y1) + radius)));
    const float dx = x1 - x0, dy = y1 - y0;
    const float length_squared = dx * dx + dy * dy;
    for (int y = top; y <= bottom; ++y) {
        for (int x = left; x <= right; ++x) {
            // Distance from the pixel centre to the nearest point of the segment.
            const float px = x + 0.5f - x0, py = y + 0.5f - y0;
            const float t = length_squared > 0
                                ? std::clamp((px * dx + py * dy) / length_squared, 0.0f, 1.0f)
                                : 0.0f;
            const float distance = std::hypot(px - t * dx, py - t * dy);
            if (distance >= radius) continue;
            float ink = 1.0f;
            if (distance > core) {
                const float s = (distance - core) / (radius - core);  // 0 .. 1
                ink = 1.0f - s * s * (3.0f - 2.0f * s);               // smoothstep down
            }
            float& pixel = pixels_[static_cast<std::size_t>(y) * side_ + x];
            pixel = std::max(pixel, ink);
        }
    }
}

void DigitCanvas::clear() {
    std::fill(pixels_.begin(), pixels_.end(), 0.0f);
}

bool DigitCanvas::empty() const {
    return std::all_of(pixels_.begin(), pixels_.end(), [](float v) { return v <= 0.0f; });
}

CentreOfMass centre_of_mass(const float* values, int height, int width) {
    double mass = 0, rows = 0, cols = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double v = values[static_cast<std::size_t>(y) * width + x];
            mass += v;
            rows += v * y;
            cols += v * x;
        }
    if (mass <= 0) return {};
    return {rows / mass, cols / mass};
}

Tensor mnist_preprocess(const float* ink, int height, int width, float threshold,
                        DigitPlacement* placement) {
    CS_CHECK(height >= 1 && width >= 1);
    Tensor field({1, kMnistSide, kMnistSide});
    int top = height, bottom = -1, left = width, right = -1;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (ink[static_cast<std::size_t>(y) * width + x] >= threshold) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
                left = std::min(left, x);
                right = std::max(right, x);
            }
    if (bottom < 0) return field;

    // 1. Crop.
    const int box_h = bottom - top + 1, box_w = right - left + 1;
    std::vector<float> box(static_cast<std::size_t>(box_h) * box_w);
    for (int y = 0; y < box_h; ++y)
        for (int x = 0; x < box_w; ++x)
            box[static_cast<std::size_t>(y) * box_w + x] =
                std::clamp(ink[static_cast<std::size_t>(top + y) * width + left + x], 0.0f, 1.0f);

    // 2. Longer side to 20, aspect kept.
    const double scale = static_cast<double>(kMnistDigitBox) / std::max(box_h, box_w);
    const int digit_h = std::clamp(static_cast<int>(std::lround(box_h * scale)), 1, kMnistDigitBox);
    const int digit_w = std::clamp(static_cast<int>(std::lround(box_w * scale)), 1, kMnistDigitBox);
    std::vector<float> digit = resample_plane(box.data(), box_h, box_w, digit_h, digit_w);
    const float brightest = *std::max_element(digit.begin(), digit.end());
    if (brightest <= 0) return field;
    for (float& v : digit) v /= brightest;

    // 3. Centre of mass to the centre of the field ((27 / 2, 27 / 2) in pixel indices),
    // by a whole-pixel shift so the strokes stay crisp.
    const CentreOfMass mass = centre_of_mass(digit.data(), digit_h, digit_w);
    const double centre = (kMnistSide - 1) / 2.0;
    int offset_y = static_cast<int>(std::lround(centre - mass.row));
    int offset_x = static_cast<int>(std::lround(centre - mass.col));
    offset_y = std::clamp(offset_y, 0, kMnistSide - digit_h);
    offset_x = std::clamp(offset_x, 0, kMnistSide - digit_w);
    if (placement)
        *placement = {false, top, left, box_h, box_w, offset_y, offset_x, digit_h, digit_w};
    for (int y = 0; y < digit_h; ++y)
        for (int x = 0; x < digit_w; ++x)
            field.data()[(offset_y + y) * kMnistSide + offset_x + x] =
                digit[static_cast<std::size_t>(y) * digit_w + x];
    return field;
}

}  // namespace convscope
