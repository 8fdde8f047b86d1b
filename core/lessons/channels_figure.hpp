// The figures of the channel lessons (issue 11, §3), built by core so the boards only
// lay them out:
//   GroupsFigure  grouped, depthwise and pointwise: which input channels each filter
//                 reads, and the weights against a full convolution's
//   SignalFigure  1-D convolution: the input signal and the output as bar plots
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

// One row of values as bars of whole cells, up from (or down from) a zero line, on a
// scale of its own: `rows` cells tall, the zero line under row `zero_row` - 1.
struct BarPlot {
    int rows = 0;
    int zero_row = 0;          // rows above the zero line (positive bars)
    std::vector<int> heights;  // per value, in cells: > 0 up, < 0 down
};
BarPlot bar_plot(const std::vector<float>& values, int rows);

struct SignalFigure {
    std::vector<float> input;   // item 0, channel 0: the signal
    std::vector<float> output;  // item 0, filter 0
    BarPlot input_bars, output_bars;
};
// The bars are `rows` cells tall.
SignalFigure build_signal_figure(const Playground& playground, int rows = 5);

}  // namespace convscope
