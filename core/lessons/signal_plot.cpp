#include "core/lessons/signal_plot.hpp"

#include <algorithm>

namespace convscope {

std::vector<float> first_signal(const Tensor& tensor) {
    std::vector<float> row;
    for (int x = 0; x < tensor.dim(3); ++x) row.push_back(tensor.at(0, 0, 0, x));
    return row;
}

SignalPlot signal_plot(std::vector<float> values, int offset, int columns) {
    SignalPlot plot;
    plot.low = plot.high = 0.0f;  // the zero axis is always on the plot
    for (float v : values) {
        plot.low = std::min(plot.low, v);
        plot.high = std::max(plot.high, v);
    }
    if (plot.high <= plot.low) plot.high = plot.low + 1.0f;  // all zeros: [0, 1]
    plot.shown = static_cast<int>(values.size());
    plot.values = std::move(values);
    plot.offset = offset;
    plot.columns = std::max(columns, offset + plot.shown);
    return plot;
}

SignalPlots signal_plots_at(const Playground& playground, int step_index) {
    const OperationTrace& trace = playground.trace;
    const PaddedAxis ring = input_padding_ring(playground).w;
    SignalPlots plots;
    plots.input = signal_plot(first_signal(playground.input), ring.before, ring.size());
    const int outputs = playground.output.dim(3);
    plots.output = signal_plot(first_signal(playground.output), 0, outputs);
    if (trace.step_count() == 0) return plots;
    const int t = std::clamp(step_index, 0, trace.step_count() - 1);
    const TraceStep step = trace.step(t);
    for (const TraceTerm& term : step.terms) {
        if (term.channel == 0) plots.input.highlighted.push_back(term.tap.in_x + ring.before);
    }
    std::sort(plots.input.highlighted.begin(), plots.input.highlighted.end());
    plots.input.highlighted.erase(
        std::unique(plots.input.highlighted.begin(), plots.input.highlighted.end()),
        plots.input.highlighted.end());
    plots.output.highlighted = {step.x};
    // Filter 0's samples are computed in order: those whose step has come are shown.
    plots.output.shown = 0;
    while (plots.output.shown < outputs && trace.step_of(0, 0, 0, plots.output.shown) <= t)
        ++plots.output.shown;
    return plots;
}

}  // namespace convscope
