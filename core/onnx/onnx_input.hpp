// A picture made into an imported model's input: converted to the model's channels
// (grey or RGB), resampled to its H x W, scaled to pixels / 255 and then normalised
// per channel, (x - mean[c]) / std[c], for models trained on normalised inputs.
#pragma once

#include <string>
#include <vector>

#include "core/nn/layer.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

struct InputScaling {
    std::vector<float> mean;  // one per channel, or one for all; empty: 0
    std::vector<float> std;   // the same; empty: 1
};

// "0.485,0.456,0.406" -> values; InputError naming `what` for a bad number, a count other
// than 1 or `channels`, or (for std) a value that is not positive.
std::vector<float> parse_channel_values(const std::string& text, int channels,
                                        const std::string& what, bool positive);

// `image` (1 or 3, H, W) in [0, 1] -> (input.channels, input.height, input.width) values
// the model reads. InputError when the model takes other than 1 or 3 channels.
std::vector<float> model_input(const Tensor& image, Shape input, const InputScaling& scaling);

}  // namespace convscope
