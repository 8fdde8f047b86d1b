// The 1-D lessons' plots: the range holds every value and the zero axis, and the
// highlighted samples follow the trace's step (the window it reads, the sample it writes).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/lessons/lessons.hpp"
#include "core/lessons/signal_plot.hpp"

using namespace convscope;

TEST_CASE("a plot's range holds its values and zero, and a flat signal still has one") {
    const SignalPlot plot = signal_plot({-2, 0.5f, 4}, 1, 6);
    CHECK(plot.low == -2);
    CHECK(plot.high == 4);
    CHECK(plot.offset == 1);
    CHECK(plot.columns == 6);
    CHECK(plot.shown == 3);
    CHECK(plot.highlighted.empty());

    const SignalPlot positive = signal_plot({1, 3}, 0, 2);
    CHECK(positive.low == 0);  // the zero axis stays on the plot
    CHECK(positive.high == 3);
    const SignalPlot zeros = signal_plot({0, 0}, 0, 2);
    CHECK(zeros.low == 0);
    CHECK(zeros.high > zeros.low);
    CHECK(signal_plot({1, 2, 3}, 0, 1).columns == 3);  // never fewer columns than samples
}

TEST_CASE("the highlights follow the step: the window's taps in, the sample computed out") {
    for (const char* id : {"conv1d", "conv1d-difference", "conv1d-pattern"}) {
        const Lesson* lesson = find_lesson(id);
        REQUIRE(lesson != nullptr);
        PlaygroundSetup setup = lesson->setup;
        for (const Options2d& options : {setup.options, options_1d({2, Padding::of(2), 2, 0}),
                                         options_1d({3, Padding::of(1), 1, 0})}) {
            setup.options = options;
            const Playground p = build_playground(setup);
            const AxisGeometry& axis = p.trace.geometry().w;
            for (int t = 0; t < p.trace.step_count(); ++t) {
                const SignalPlots plots = signal_plots_at(p, t);
                const TraceStep step = p.trace.step(t);
                // Input: the padded axis's columns x*stride + k*dilation, one per tap.
                std::vector<int> taps;
                for (int k = 0; k < axis.kernel; ++k)
                    taps.push_back(step.x * axis.stride + k * axis.dilation);
                CHECK(plots.input.highlighted == taps);
                CHECK(plots.input.offset == axis.pad_before);
                CHECK(plots.input.columns == axis.pad_before + axis.input + axis.pad_after);
                // Output: the step's sample, shown with every sample before it.
                CHECK(plots.output.highlighted == std::vector<int>{step.x});
                CHECK(plots.output.shown == step.x + 1);
                for (float v : plots.output.values) {
                    CHECK(v >= plots.output.low);
                    CHECK(v <= plots.output.high);
                }
                CHECK(plots.output.values[static_cast<size_t>(step.x)] ==
                      p.output.at(0, 0, 0, step.x));
            }
        }
    }
}
