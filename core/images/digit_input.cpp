#include "core/images/digit_input.hpp"

#include <algorithm>
#include <cmath>

#include "core/tensor/check.hpp"

namespace convscope {

DigitInput picture_as_digit_input(const Tensor& grey) {
    CS_CHECK(grey.rank() == 3 && grey.dim(0) == 1);
    const int height = grey.dim(1), width = grey.dim(2);
    // The border is almost all background, so its mean tells ink from paper.
    double border = 0;
    int count = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (y == 0 || x == 0 || y == height - 1 || x == width - 1) {
                border += grey.data()[y * width + x];
                ++count;
            }
    DigitInput input;
    std::vector<float> ink(grey.values());
    input.inverted = border / count > 0.5;
    if (input.inverted)
        for (float& v : ink) v = 1.0f - v;
    input.digit = mnist_preprocess(ink.data(), height, width, 0.05f, &input.placement);
    return input;
}

std::vector<float> field_map_on_picture(const std::vector<float>& field_map,
                                        const DigitPlacement& placement, int picture_height,
                                        int picture_width, int height, int width) {
    CS_CHECK(field_map.size() == static_cast<std::size_t>(kMnistSide * kMnistSide));
    std::vector<float> out(static_cast<std::size_t>(height) * width, 0.0f);
    if (placement.empty) return out;
    const double to_picture_y = double(picture_height) / height;
    const double to_picture_x = double(picture_width) / width;
    auto sample = [](double at, int size, int& lower, double& fraction) {
        at = std::clamp(at, 0.0, double(size - 1));
        lower = std::min(static_cast<int>(at), size - 1);
        fraction = at - lower;
    };
    for (int y = 0; y < height; ++y) {
        // Pixel centres: picture -> ink box -> digit block -> field.
        const double py = (y + 0.5) * to_picture_y - placement.top;
        const double fy = py * placement.digit_h / placement.box_h - 0.5 + placement.offset_y;
        if (fy < -0.5 || fy > kMnistSide - 0.5) continue;  // beyond the field's margin
        int y0;
        double ty;
        sample(fy, kMnistSide, y0, ty);
        const int y1 = std::min(y0 + 1, kMnistSide - 1);
        for (int x = 0; x < width; ++x) {
            const double px = (x + 0.5) * to_picture_x - placement.left;
            const double fx = px * placement.digit_w / placement.box_w - 0.5 + placement.offset_x;
            if (fx < -0.5 || fx > kMnistSide - 0.5) continue;
            int x0;
            double tx;
            sample(fx, kMnistSide, x0, tx);
            const int x1 = std::min(x0 + 1, kMnistSide - 1);
            const auto at = [&](int r, int c) { return field_map[r * kMnistSide + c]; };
            const double top = at(y0, x0) * (1 - tx) + at(y0, x1) * tx;
            const double bottom = at(y1, x0) * (1 - tx) + at(y1, x1) * tx;
            out[static_cast<std::size_t>(y) * width + x] =
                static_cast<float>(top * (1 - ty) + bottom * ty);
        }
    }
    return out;
}

}  // namespace convscope
