#include "app/widgets/signal_plot_view.hpp"

#include <algorithm>

namespace convscope {

namespace {

ImU32 with_alpha(ImU32 colour, float alpha) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    c.w = alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

bool highlighted(const SignalPlot& plot, int column) {
    return std::binary_search(plot.highlighted.begin(), plot.highlighted.end(), column);
}

}  // namespace

void draw_signal_plot(Canvas& canvas, const SignalPlot& plot, ImVec2 top_left, float column,
                      float height, const SignalPlotInks& inks) {
    // A margin above and below, so a dot at the range's end stays inside the plot.
    const float margin = std::min(height * 0.1f, column * 0.3f);
    const float span = plot.high - plot.low;
    auto y_of = [&](float v) {
        return top_left.y + margin + (plot.high - v) / span * (height - 2 * margin);
    };
    auto x_of = [&](int col) { return top_left.x + (static_cast<float>(col) + 0.5f) * column; };
    const float zero = y_of(0.0f);
    const float thin = std::max(1.0f, column * 0.05f);
    const float stem = std::max(1.5f, column * 0.12f);
    const float head = std::max(2.0f, column * 0.17f);

    for (int col : plot.highlighted) {  // the window, behind everything
        const float left = top_left.x + static_cast<float>(col) * column;
        canvas.rect(ImVec2(left, top_left.y), ImVec2(left + column, top_left.y + height),
                    with_alpha(inks.highlight, 0.22f));
    }
    canvas.line(ImVec2(top_left.x, zero), ImVec2(top_left.x + plot.columns * column, zero),
                inks.axis, thin);
    for (int col = 0; col < plot.columns; ++col) {  // padding: read as 0
        const int i = col - plot.offset;
        if (i >= 0 && i < static_cast<int>(plot.values.size())) continue;
        canvas.dot(ImVec2(x_of(col), zero), head * 0.6f, inks.axis);
    }
    const int shown = std::min(plot.shown, static_cast<int>(plot.values.size()));
    for (int i = 1; i < shown; ++i) {  // the shape of the signal
        canvas.line(ImVec2(x_of(plot.offset + i - 1), y_of(plot.values[i - 1])),
                    ImVec2(x_of(plot.offset + i), y_of(plot.values[i])),
                    with_alpha(inks.stem, 0.45f), thin);
    }
    for (int i = 0; i < shown; ++i) {
        const int col = plot.offset + i;
        const ImU32 ink = highlighted(plot, col) ? inks.highlight : inks.stem;
        const ImVec2 tip(x_of(col), y_of(plot.values[i]));
        canvas.line(ImVec2(tip.x, zero), tip, ink, stem);
        canvas.dot(tip, head, ink);
    }
}

}  // namespace convscope
