// The figures of the channel lessons (issue 11, §3), built by core so the boards only
// lay them out:
//   GroupsFigure  grouped, depthwise and pointwise: which input channels each filter
//                 reads, and the weights against a full convolution's
//   SignalFigure  1-D convolution: the input signal and the output
#pragma once

#include <vector>

#include "core/lessons/playground.hpp"

namespace convscope {

struct GroupsFigure {
    int groups = 1, channels = 1, filters = 1;
    int kernel_h = 1, kernel_w = 1;
    std::vector<OperationTrace::ChannelRange> reads;  // per filter f: the channels it reads
    ParameterCount weights;                           // grouped against full
};
GroupsFigure build_groups_figure(const Playground& playground);

// The plots themselves follow the step: signal_plots_at (signal_plot.hpp).
struct SignalFigure {
    std::vector<float> input;   // item 0, channel 0: the signal
    std::vector<float> output;  // item 0, filter 0
};
SignalFigure build_signal_figure(const Playground& playground);

}  // namespace convscope
