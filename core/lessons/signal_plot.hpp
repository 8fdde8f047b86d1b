// The 1-D lessons' plots (issue 11, §3: "the output plotted under the input"): a signal
// as stems from a zero axis, on a value range of its own, with the samples the current
// step reads or writes picked out. Core works out the values, range and highlights; the
// window only draws them (app/widgets/signal_plot_view).
#pragma once

#include <vector>

#include "core/lessons/playground.hpp"

namespace convscope {

struct SignalPlot {
    std::vector<float> values;      // one per sample
    float low = 0.0f, high = 1.0f;  // the range drawn: always holds 0, low < high
    int offset = 0;                 // columns before sample 0 (a padding ring's cells)
    int columns = 0;                // columns in all: offset, the samples, padding after
    int shown = 0;                  // samples drawn, from the first: the output's computed so far
    // Columns the current step touches: the input's window taps (padded ones too), the
    // output's sample being computed. Ascending.
    std::vector<int> highlighted;
};

// `values` in columns offset .. offset+size-1 of `columns`, all shown, none highlighted.
// The range runs from min(0, values) to max(0, values), widened to [0, 1] when flat.
SignalPlot signal_plot(std::vector<float> values, int offset, int columns);

// Item 0, channel (or filter) 0 of a (N,C,1,L) tensor: the signal a 1-D lesson shows.
std::vector<float> first_signal(const Tensor& tensor);

struct SignalPlots {
    SignalPlot input, output;
};

// Item 0, channel 0 of the input and filter 0 of the output at step `step_index`: the
// input with its padding ring, the window of the step highlighted; the output with the
// step's sample highlighted and only the samples of filter 0 computed by then shown.
SignalPlots signal_plots_at(const Playground& playground, int step_index);

}  // namespace convscope
