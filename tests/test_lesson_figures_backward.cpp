// The backward lessons' figures (LessonView::Backward): the numbers each lesson's text
// states (parsed from the text), the timeline's steps, gradients that follow the
// lesson's controls (stride, padding, dilation, channels, filters, batch, pooling), and
// a dL/dY drawn from the seed.
#include <doctest/doctest.h>

#include "core/lessons/lesson_figures.hpp"
#include "core/ops/reference_ops.hpp"
#include "tests/lesson_text.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

BackwardFigure backward_figure_of(const PlaygroundSetup& setup) {
    const Playground p = build_playground(setup);
    LessonFigure figure = build_lesson_figure(LessonView::Backward, p);
    REQUIRE(std::holds_alternative<BackwardFigure>(figure));
    return std::get<BackwardFigure>(std::move(figure));
}

// dL/dX by brute force: nudge input cell i by 1 and see how sum(dL/dY * Y) moves
// (the conv is linear in x, so the difference is exact on small integers).
float grad_by_difference(const Playground& p, const Tensor& grad_output, std::size_t i) {
    auto loss = [&](const Tensor& input) {
        const Tensor y = conv2d(input, p.kernel, p.bias, p.setup.options);
        float sum = 0;
        for (std::size_t k = 0; k < y.size(); ++k) sum += y.values()[k] * grad_output.values()[k];
        return sum;
    };
    Tensor nudged = p.input;
    nudged.data()[i] += 1.0f;
    return loss(nudged) - loss(p.input);
}

}  // namespace

TEST_CASE("backward: the stated products per weight and per input cell") {
    const Lesson& lesson = lesson_named("backward");
    const BackwardFigure figure = backward_figure_of(lesson.setup);
    const BackwardTrace& trace = figure.trace;
    const int per_weight = number_after(lesson.expected, "correlated with dL/dY, ");
    const int corner = number_after(lesson.expected, "flipped kernel, ");
    const int centre = number_after(lesson.expected, "at a corner, ");
    REQUIRE(trace.weight_steps() == 9);
    for (int t = 0; t < trace.weight_steps(); ++t)
        CHECK(trace.step(t).terms.size() == static_cast<std::size_t>(per_weight));
    CHECK(trace.step(trace.step_of(GradientKind::Input, 0, 0, 0, 0, 0)).terms.size() ==
          static_cast<std::size_t>(corner));
    CHECK(trace.step(trace.step_of(GradientKind::Input, 0, 0, 0, 2, 2)).terms.size() ==
          static_cast<std::size_t>(centre));
    // The timeline: 9 weights, 1 bias, 25 input cells.
    CHECK(lesson_step_count(LessonFigure(figure), playground_of(lesson)) == 9 + 1 + 25);
    CHECK(figure.grad_bias.size() == 1);
}

TEST_CASE("backward-pool: the stated gradients reach the window maxima only") {
    const Lesson& lesson = lesson_named("backward-pool");
    const BackwardFigure figure = backward_figure_of(lesson.setup);
    const int routed = number_after(lesson.expected, "stride 2: the ");
    const int others = number_after(lesson.expected, "the other ");
    int winners = 0, losers = 0;
    for (int t = 0; t < figure.trace.step_count(); ++t) {
        const GradientStep step = figure.trace.step(t);
        REQUIRE(step.kind == GradientKind::Input);
        bool won = false;
        for (const GradientTerm& term : step.terms) won = won || term.factor == 1.0f;
        winners += won;
        losers += !won;
        if (!won) CHECK(step.value == 0.0f);
    }
    CHECK(winners == routed);
    CHECK(losers == others);
}

TEST_CASE("backward: the lesson's controls change the gradients, which stay exact") {
    PlaygroundSetup setup = lesson_named("backward").setup;
    setup.input_values.clear();
    setup.kernel_values.clear();
    setup.bias_values.clear();
    setup.batch = 2;
    setup.channels = 2;
    setup.filters = 3;
    setup.options = Options2d::uniform(2, Padding::of(1), 2);
    const BackwardFigure figure = backward_figure_of(setup);
    const Playground p = build_playground(setup);
    CHECK(figure.grad_weight.shape() == std::vector<int>{3, 2, 3, 3});
    CHECK(figure.grad_input.shape() == std::vector<int>{2, 2, 5, 5});
    CHECK(figure.trace.grad_output().shape() == p.trace.output_shape());
    for (std::size_t i = 0; i < p.input.size(); ++i) {
        INFO("input cell " << i);
        CHECK(figure.grad_input.values()[i] ==
              grad_by_difference(p, figure.trace.grad_output(), i));
    }
}

TEST_CASE("backward: dL/dY is small integers from the seed; a new seed draws new ones") {
    PlaygroundSetup setup = lesson_named("backward").setup;
    const Tensor first = backward_figure_of(setup).trace.grad_output();
    for (float v : first.values()) {
        CHECK(v >= -2.0f);
        CHECK(v <= 2.0f);
        CHECK(v == static_cast<float>(static_cast<int>(v)));
    }
    CHECK(backward_figure_of(setup).trace.grad_output().values() == first.values());
    setup.seed = 2;
    CHECK(backward_figure_of(setup).trace.grad_output().values() != first.values());
}

TEST_CASE("backward-pool: switched to average pooling, each cell gets dL/dY / 4") {
    PlaygroundSetup setup = lesson_named("backward-pool").setup;
    setup.op = TracedOp::AveragePool;
    const BackwardFigure figure = backward_figure_of(setup);
    const Tensor& g = figure.trace.grad_output();
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x)
            CHECK(figure.grad_input.at(0, 0, y, x) == g.at(0, 0, y / 2, x / 2) / 4.0f);
}
