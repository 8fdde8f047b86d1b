// Each conv layer's filters cut from a network's parameter buffer, for drawing them as
// tiles: the training session's snapshots and the pretrained network both use it.
#pragma once

#include <string>
#include <vector>

#include "core/nn/network.hpp"

namespace convscope {

// One conv layer's filters, for drawing them as tiles.
struct ConvFilters {
    int layer = 0;                 // index in the NetworkSpec
    std::string name;              // "conv1"
    std::vector<int> shape;        // (F, C, KH, KW)
    std::vector<float> weights;    // F*C*KH*KW values
    std::vector<float> biases;     // F values
    std::vector<float> gradients;  // d loss / d weights of the last batch; empty when not included

    // The weights as tiles: one (KH, KW) slice per filter and input channel, in the
    // order they lie in `weights` (filter by filter). 0 slices for a shape not rank 4.
    int slice_count() const;
    int filter_of(int slice) const;
    int channel_of(int slice) const;
};

// Each conv layer's weights and biases cut from `parameters`, laid out as `views` say
// (Network::parameter_tensors() or parameter_layout(spec)); the weights' gradients too
// when `gradients` (laid out the same) is not null.
std::vector<ConvFilters> conv_filters(const NetworkSpec& spec,
                                      const std::vector<ParameterTensor>& views,
                                      const float* parameters, const float* gradients);

}  // namespace convscope
