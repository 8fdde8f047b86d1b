// The channel and signal lessons (issue 11): what each lesson's text states is what
// core computes; the groups figure's channels are those the trace reads. (The signal
// plots: test_signal_plot.cpp.)
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/lessons/lessons_channels.hpp"
#include "tests/lesson_text.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

std::vector<float> output_row(const Playground& p) {
    std::vector<float> row;
    for (int x = 0; x < p.output.dim(3); ++x) row.push_back(p.output.at(0, 0, 0, x));
    return row;
}

int argmax(const std::vector<float>& values) {
    return static_cast<int>(std::max_element(values.begin(), values.end()) - values.begin());
}

// The first sample of the signal's step up (demo_signal adds it from 3/5 of the length).
int step_start(int length) {
    return length * 3 / 5;
}

}  // namespace

TEST_CASE("the 1-D lessons: a moving average, a difference and a matched pattern") {
    const Lesson& average = lesson_named("conv1d");
    const Playground p = playground_of(average);
    const std::vector<float> signal = demo_signal(24);
    CHECK(p.input.values() == signal);
    CHECK(p.output.dim(3) == number_after(average.expected, "= "));
    CHECK(p.output.dim(3) == 24 - number_after(average.expected, "k=") + 1);
    const std::vector<float> means = output_row(p);
    for (int x = 0; x < static_cast<int>(means.size()); ++x) {
        const float mean = (signal[x] + signal[x + 1] + signal[x + 2] + signal[x + 3]) / 4.0f;
        CHECK(means[static_cast<size_t>(x)] == mean);
    }
    // Smoother: the moving average's largest jump is smaller than the signal's.
    auto largest_jump = [](const std::vector<float>& v) {
        float jump = 0;
        for (size_t i = 1; i < v.size(); ++i) jump = std::max(jump, std::fabs(v[i] - v[i - 1]));
        return jump;
    };
    CHECK(largest_jump(means) < largest_jump(signal));

    // The difference is largest at the step: output x is signal[x+1] - signal[x].
    const Playground difference = playground_of(lesson_named("conv1d-difference"));
    const int jump = argmax(output_row(difference));
    CHECK(output_row(difference)[static_cast<size_t>(jump)] == signal[jump + 1] - signal[jump]);
    CHECK(std::abs(jump + 1 - step_start(24)) <= 1);

    // The step-shaped kernel peaks where its window straddles the step.
    const Playground pattern = playground_of(lesson_named("conv1d-pattern"));
    CHECK(std::abs(argmax(output_row(pattern)) + 2 - step_start(24)) <= 1);
}

TEST_CASE("grouped, depthwise, pointwise: stated weights, and the channels each filter reads") {
    const std::pair<const char*, const char*> stated[] = {
        {"grouped", "; "},
        {"depthwise", ": three 3x3 kernels of one channel each, "},
        {"pointwise", "), "}};
    for (const auto& [id, marker] : stated) {
        const Lesson& lesson = lesson_named(id);
        INFO(id << ": " << lesson.expected);
        const Playground p = playground_of(lesson);
        const LessonFigure built = build_lesson_figure(lesson.view, p);
        const auto* figure = std::get_if<GroupsFigure>(&built);
        REQUIRE(figure != nullptr);
        CHECK(figure->weights.grouped == number_after(lesson.expected, marker));
        CHECK(figure->weights.grouped == static_cast<int>(p.kernel.size()));
        if (figure->groups > 1) {
            CHECK(figure->weights.full == number_after(lesson.expected, "instead of "));
            CHECK(figure->weights.full == figure->weights.grouped * figure->groups);
        }
        // The channels a filter's steps read, from the trace, are the figure's.
        for (int t = 0; t < p.trace.step_count(); ++t) {
            const TraceStep step = p.trace.step(t);
            std::set<int> read;
            for (const TraceTerm& term : step.terms) read.insert(term.channel);
            const auto& range = figure->reads[static_cast<size_t>(step.f)];
            REQUIRE(static_cast<int>(read.size()) == range.count);
            CHECK(*read.begin() == range.first);
        }
    }
    const Playground grouped = playground_of(lesson_named("grouped"));
    const auto figure = std::get<GroupsFigure>(build_lesson_figure(LessonView::Groups, grouped));
    CHECK(figure.reads[1].first == 2);  // "filter 1 reads 2 and 3"
    CHECK(lesson_named("grouped").expected.find("filter 1 reads 2 and 3") != std::string::npos);
}
