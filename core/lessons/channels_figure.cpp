#include "core/lessons/channels_figure.hpp"

#include "core/lessons/signal_plot.hpp"

namespace convscope {

GroupsFigure build_groups_figure(const Playground& playground) {
    const OperationTrace& trace = playground.trace;
    GroupsFigure figure;
    figure.groups = trace.groups();
    figure.channels = trace.input().dim(1);
    figure.filters = trace.output_shape()[1];
    figure.kernel_h = trace.geometry().h.kernel;
    figure.kernel_w = trace.geometry().w.kernel;
    for (int f = 0; f < figure.filters; ++f) figure.reads.push_back(trace.group_channels(f));
    figure.weights = parameter_count(playground.setup);
    return figure;
}

SignalFigure build_signal_figure(const Playground& playground) {
    SignalFigure figure;
    figure.input = first_signal(playground.input);
    figure.output = first_signal(playground.output);
    return figure;
}

}  // namespace convscope
