#include "core/lessons/channels_figure.hpp"

#include <algorithm>
#include <cmath>

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

BarPlot bar_plot(const std::vector<float>& values, int rows) {
    BarPlot plot;
    plot.rows = rows;
    float top = 0.0f, bottom = 0.0f;
    for (float v : values) {
        top = std::max(top, v);
        bottom = std::min(bottom, v);
    }
    const float span = top - bottom;
    if (span <= 0.0f) {  // all zeros: a flat line
        plot.zero_row = rows;
        plot.heights.assign(values.size(), 0);
        return plot;
    }
    // Rows above the line in proportion to the positive part; both sides get a row
    // when both signs occur.
    plot.zero_row = static_cast<int>(std::lround(rows * top / span));
    if (top > 0.0f && bottom < 0.0f) plot.zero_row = std::clamp(plot.zero_row, 1, rows - 1);
    const float per_row = span / static_cast<float>(rows);
    for (float v : values) {
        int height = static_cast<int>(std::lround(v / per_row));
        height = std::clamp(height, -(rows - plot.zero_row), plot.zero_row);
        plot.heights.push_back(height);
    }
    return plot;
}

namespace {

std::vector<float> first_row(const Tensor& tensor) {
    std::vector<float> row;
    for (int x = 0; x < tensor.dim(3); ++x) row.push_back(tensor.at(0, 0, 0, x));
    return row;
}

}  // namespace

SignalFigure build_signal_figure(const Playground& playground, int rows) {
    SignalFigure figure;
    figure.input = first_row(playground.input);
    figure.output = first_row(playground.output);
    figure.input_bars = bar_plot(figure.input, rows);
    figure.output_bars = bar_plot(figure.output, rows);
    return figure;
}

}  // namespace convscope
