// A picture as the digit networks read it: grey, white ink on black (a picture whose
// border is light is inverted, as a scanned or photographed digit is dark on paper),
// then MNIST's preprocessing (digit_canvas.hpp): scaled into a 20x20 box and centred
// by mass in 28x28. And the way back: a 28x28 map laid over the picture.
#pragma once

#include <vector>

#include "core/images/digit_canvas.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

struct DigitInput {
    Tensor digit;  // (1, 28, 28)
    DigitPlacement placement;
    bool inverted = false;  // the picture was dark ink on light paper
};

// grey (1, H, W) in [0, 1] -> the 28x28 digit and where the picture's ink went.
DigitInput picture_as_digit_input(const Tensor& grey);
inline Tensor picture_as_mnist_digit(const Tensor& grey) {
    return picture_as_digit_input(grey).digit;
}

// A (28, 28) map on the digit's field -> (height, width) on the picture it came from
// (bilinear; 0 where the picture lies beyond the 28x28 field). height x width need not be the size
// the placement was computed at: the picture may have been shown smaller or larger since.
std::vector<float> field_map_on_picture(const std::vector<float>& field_map,
                                        const DigitPlacement& placement, int picture_height,
                                        int picture_width, int height, int width);

}  // namespace convscope
