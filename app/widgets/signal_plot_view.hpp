// Draws core's SignalPlot: a zero axis, one stem per sample up or down to its value on
// the plot's range, a faint line joining the heads, the current window shaded and the
// sample being computed in the highlight colour. Padded columns get a small mark on the
// axis: the padding the window reads as 0.
#pragma once

#include "app/widgets/canvas.hpp"
#include "core/lessons/signal_plot.hpp"

namespace convscope {

struct SignalPlotInks {
    ImU32 stem;       // the samples (the role's ink)
    ImU32 highlight;  // the sample being computed, the window's shading
    ImU32 axis;       // the zero line and padding marks
};

// `top_left` and `column` (one column's width) and `height` in logical pixels.
void draw_signal_plot(Canvas& canvas, const SignalPlot& plot, ImVec2 top_left, float column,
                      float height, const SignalPlotInks& inks);

}  // namespace convscope
