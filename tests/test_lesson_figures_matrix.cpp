// The matrix lessons' figures (issue 11), against the playground's own trace and output
// over the lessons and many random settings: im2col's columns and product, the
// transposed convolution as a direct one, and convolution against cross-correlation.
// Sections: 1. random setups   2. im2col   3. transposed, direct   4. correlation
#include <doctest/doctest.h>

#include <optional>
#include <random>

#include "core/lessons/lesson_figures.hpp"
#include "core/tensor/check.hpp"
#include "tests/lesson_text.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

// ---- 1. random setups ------------------------------------------------------------------

int pick(std::mt19937& rng, int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(rng);
}

// A random playground of `op`, or none when core refuses the draw (kernel larger than
// the padded input, output padding too large, ...).
std::optional<Playground> random_playground(std::mt19937& rng, TracedOp op) {
    PlaygroundSetup s;
    s.op = op;
    s.batch = pick(rng, 1, 3);
    s.channels = pick(rng, 1, 3);
    s.filters = pick(rng, 1, 3);
    s.input_h = pick(rng, 1, 7);
    s.input_w = pick(rng, 1, 7);
    s.kernel_h = pick(rng, 1, 4);
    s.kernel_w = pick(rng, 1, 4);
    s.has_bias = pick(rng, 0, 1) == 1;
    s.seed = static_cast<std::uint32_t>(rng());
    for (AxisOptions* axis : {&s.options.h, &s.options.w}) {
        axis->stride = pick(rng, 1, 3);
        axis->dilation = pick(rng, 1, 3);
        const int mode = pick(rng, 0, 5);
        axis->padding = mode == 3   ? Padding::parse("same")
                        : mode == 4 ? Padding::parse("full")
                                    : Padding::of(pick(rng, 0, 3));
        if (op == TracedOp::TransposedConv) axis->output_padding = pick(rng, 0, 2);
    }
    try {
        return build_playground(s);
    } catch (const InputError&) {
        return std::nullopt;
    }
}

// Every valid draw of `count` attempts; fails when too few are valid to mean anything.
std::vector<Playground> random_playgrounds(TracedOp op, int count, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<Playground> all;
    for (int i = 0; i < count; ++i)
        if (auto p = random_playground(rng, op)) all.push_back(std::move(*p));
    REQUIRE(static_cast<int>(all.size()) >= count / 4);
    return all;
}

}  // namespace

// ---- 2. im2col -------------------------------------------------------------------------

namespace {

void check_im2col(const Playground& p) {
    const Im2colFigure figure = build_im2col_figure(p);
    const ConvGeometry& g = p.trace.geometry();
    const int window = g.h.kernel * g.w.kernel;
    REQUIRE(figure.patch == p.input.dim(1) * window);
    REQUIRE(figure.cells == g.h.output * g.w.output);
    REQUIRE(figure.filters == p.kernel.dim(0));
    // The product is the output, cell for cell, as the trace replays it.
    const Tensor replayed = p.trace.replay();
    for (int n = 0; n < figure.items; ++n)
        for (int f = 0; f < figure.filters; ++f)
            for (int y = 0; y < g.h.output; ++y)
                for (int x = 0; x < g.w.output; ++x) {
                    CHECK(figure.product_entry(n, f, figure.column_of(y, x)) ==
                          doctest::Approx(replayed.at(n, f, y, x)));
                    CHECK(replayed.at(n, f, y, x) == doctest::Approx(p.output.at(n, f, y, x)));
                }
    // Step t lights column (y, x) of item n and row f: the column is the t-th window,
    // term by term (padded cells zero and marked), the row is filter f's weights.
    for (int t = 0; t < p.trace.step_count(); ++t) {
        const TraceStep step = p.trace.step(t);
        const int col = figure.column_of(step.y, step.x);
        // A grouped conv's step reads its group's channels: the row's other weights are 0.
        REQUIRE(static_cast<int>(step.terms.size()) * p.trace.groups() == figure.patch);
        std::vector<bool> read(static_cast<std::size_t>(figure.patch), false);
        for (const TraceTerm& term : step.terms) {
            const int row = term.channel * window + term.tap.k_y * g.w.kernel + term.tap.k_x;
            read[static_cast<std::size_t>(row)] = true;
            CHECK(figure.column_entry(step.n, row, col) == term.input_value);
            CHECK(figure.is_padding(row, col) == term.tap.padded);
            CHECK(figure.weight(step.f, row) == term.kernel_value);
        }
        for (int row = 0; row < figure.patch; ++row)
            if (!read[static_cast<std::size_t>(row)]) CHECK(figure.weight(step.f, row) == 0.0f);
    }
}

}  // namespace

TEST_CASE("im2col: the lesson's matrices have the stated sizes and product") {
    const Lesson& lesson = lesson_named("im2col");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<Im2colFigure>(lesson, p);
    INFO(lesson.expected);
    const auto [patch, cells] = size_after(lesson.expected, "p=1: a ");
    CHECK(figure.patch == patch);
    CHECK(figure.cells == cells);
    const auto [filters, filter_cols] = size_after(lesson.expected, "times the ");
    CHECK(figure.filters == filters);
    CHECK(filter_cols == patch);
    CHECK(number_after(lesson.expected, "gives the ") == cells);
    // p = 1: the first column's window starts in the padding, and says so.
    CHECK(figure.is_padding(0, 0));
    check_im2col(p);
}

TEST_CASE("im2col: product and columns equal the trace over many settings") {
    int checked = 0;
    for (const Playground& p : random_playgrounds(TracedOp::Conv, 160, 11)) {
        INFO("input " << shape_text(p.input.shape()) << " kernel " << shape_text(p.kernel.shape())
                      << " stride " << p.setup.options.h.stride << "," << p.setup.options.w.stride
                      << " dilation " << p.setup.options.h.dilation << " padding "
                      << p.setup.options.h.padding.text());
        check_im2col(p);
        ++checked;
    }
    for (const Lesson& lesson : lessons()) {
        if (lesson.setup.op != TracedOp::Conv) continue;
        INFO(lesson.id);
        check_im2col(playground_of(lesson));
    }
    CHECK(checked >= 40);
}

TEST_CASE("matrix windows: whole pages that hold the focus, everything when it fits") {
    CHECK(matrix_window(9, 20, 4).first == 0);
    CHECK(matrix_window(9, 20, 4).count == 9);
    CHECK_FALSE(matrix_window(9, 20, 4).clipped(9));
    for (int total : {1, 7, 25, 100})
        for (int capacity : {1, 3, 8, 30})
            for (int focus = 0; focus < total; ++focus) {
                const MatrixWindow w = matrix_window(total, capacity, focus);
                CHECK(w.first <= focus);
                CHECK(focus < w.first + w.count);
                CHECK(w.count <= capacity);
                CHECK(w.first + w.count <= total);
                CHECK(w.first % capacity == 0);  // pages: the view does not creep
            }
}

// ---- 3. transposed, direct ----------------------------------------------------------------

namespace {

void check_direct(const Playground& p) {
    const TransposedDirectFigure figure = build_transposed_direct_figure(p);
    REQUIRE(figure.fits());
    const Playground& direct = figure.direct;
    const ConvGeometry& g = p.trace.geometry();
    // The direct convolution: stride 1, no padding, the same dilation.
    const ConvGeometry& dg = direct.trace.geometry();
    CHECK(dg.kind == OpKind::Conv);
    CHECK(dg.h.stride == 1);
    CHECK(dg.h.padded_input() == dg.h.input);
    CHECK(dg.w.dilation == g.w.dilation);
    // k_eff - p - 1 cells before, plus the output padding after.
    CHECK(figure.h.before == g.h.effective_kernel() - g.h.pad_before - 1);
    CHECK(figure.w.after == figure.w.before + g.w.output_padding);
    // Input cells s apart, zeros between and around them.
    for (int n = 0; n < p.input.dim(0); ++n)
        for (int c = 0; c < p.input.dim(1); ++c)
            for (int y = 0; y < figure.h.size(); ++y)
                for (int x = 0; x < figure.w.size(); ++x) {
                    const int iy = y - figure.h.before, ix = x - figure.w.before;
                    const bool input = iy >= 0 && ix >= 0 && iy % g.h.stride == 0 &&
                                       ix % g.w.stride == 0 && iy / g.h.stride < g.h.input &&
                                       ix / g.w.stride < g.w.input;
                    CHECK((figure.kind(y, x) == StretchedCell::Input) == input);
                    const float expected =
                        input ? p.input.at(n, c, iy / g.h.stride, ix / g.w.stride) : 0.0f;
                    CHECK(direct.input.at(n, c, y, x) == expected);
                }
    // The kernel turned 180°, its channel axes swapped to a conv's (F, C).
    const int kh = p.kernel.dim(2), kw = p.kernel.dim(3);
    for (int c = 0; c < p.kernel.dim(0); ++c)
        for (int f = 0; f < p.kernel.dim(1); ++f)
            for (int y = 0; y < kh; ++y)
                for (int x = 0; x < kw; ++x)
                    CHECK(direct.kernel.at(f, c, kh - 1 - y, kw - 1 - x) ==
                          p.kernel.at(c, f, y, x));
    // The same output as the scatter trace, written in the same order.
    CHECK(direct.output.shape() == p.output.shape());
    const std::vector<float> scatter = p.trace.replay().values();
    const std::vector<float> replayed = direct.trace.replay().values();
    REQUIRE(replayed.size() == scatter.size());
    for (std::size_t i = 0; i < scatter.size(); ++i) {
        CHECK(replayed[i] == doctest::Approx(scatter[i]));
        CHECK(direct.output.values()[i] == doctest::Approx(p.output.values()[i]));
    }
    REQUIRE(direct.trace.step_count() == p.trace.step_count());
    for (int t = 0; t < p.trace.step_count(); ++t) {
        const TraceStep a = p.trace.step(t), b = direct.trace.step(t);
        CHECK((a.n == b.n && a.f == b.f && a.y == b.y && a.x == b.x));
    }
}

}  // namespace

TEST_CASE("transposed as direct: the lesson's stated sizes") {
    const Lesson& lesson = lesson_named("transposed-direct");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<TransposedDirectFigure>(lesson, p);
    INFO(lesson.expected);
    const auto [zh, zw] = size_after(lesson.expected, "the zeros make it ");
    CHECK(zh == (p.input.dim(2) - 1) * figure.h.stride + 1);
    CHECK(zw == (p.input.dim(3) - 1) * figure.w.stride + 1);
    CHECK(number_after(lesson.expected, "padding ") == figure.h.before);
    CHECK(size_after(lesson.expected, "makes it ") ==
          std::make_pair(figure.h.size(), figure.w.size()));
    CHECK(size_after(lesson.expected, "gives the ") ==
          std::make_pair(p.output.dim(2), p.output.dim(3)));
    check_direct(p);
}

TEST_CASE("transposed as direct: every transposed lesson and random settings equal the scatter") {
    int lessons_checked = 0;
    for (const Lesson& lesson : lessons()) {
        if (lesson.setup.op != TracedOp::TransposedConv) continue;
        INFO(lesson.id);
        check_direct(playground_of(lesson));
        ++lessons_checked;
    }
    CHECK(lessons_checked >= 9);  // the guide's seven, the chapter's, the direct lesson
    int random_checked = 0, output_padded = 0, cropped = 0;
    for (const Playground& p : random_playgrounds(TracedOp::TransposedConv, 300, 5)) {
        INFO("input " << shape_text(p.input.shape()) << " kernel " << shape_text(p.kernel.shape())
                      << " stride " << p.setup.options.h.stride << " dilation "
                      << p.setup.options.h.dilation << " padding "
                      << p.setup.options.h.padding.text() << " output padding "
                      << p.setup.options.h.output_padding);
        check_direct(p);
        ++random_checked;
        output_padded += p.trace.geometry().h.output_padding > 0;
        cropped += build_transposed_direct_figure(p).h.before < 0;
    }
    CHECK(random_checked >= 60);
    CHECK(output_padded > 0);
    CHECK(cropped > 0);  // p > k_eff - 1: the direct view crops instead of padding
}

TEST_CASE("transposed as direct: too large settings leave the figure empty, not slow") {
    PlaygroundSetup s;
    s.op = TracedOp::TransposedConv;
    s.batch = s.channels = s.filters = kPlaygroundMaxChannels;
    s.input_h = s.input_w = kPlaygroundMaxSize;
    s.kernel_h = s.kernel_w = kPlaygroundMaxSize;
    s.options = Options2d::uniform(kPlaygroundMaxSize, Padding::of(0), kPlaygroundMaxSize);
    const Playground p = build_playground(s);
    CHECK_FALSE(build_transposed_direct_figure(p).fits());
}

// ---- 4. correlation ------------------------------------------------------------------------

namespace {

// The textbook convolution of plane (n, c) by kernel slice (f, c) without padding, with
// stride 1: S(i,j) = sum_m sum_n I(i + KH-1 - m, j + KW-1 - n) K(m,n), summed over c.
float convolution_by_hand(const Playground& p, int n, int f, int i, int j) {
    const int kh = p.kernel.dim(2), kw = p.kernel.dim(3);
    float sum = p.bias.empty() ? 0.0f : p.bias[static_cast<std::size_t>(f)];
    for (int c = 0; c < p.input.dim(1); ++c)
        for (int m = 0; m < kh; ++m)
            for (int k = 0; k < kw; ++k)
                sum += p.input.at(n, c, i + kh - 1 - m, j + kw - 1 - k) * p.kernel.at(f, c, m, k);
    return sum;
}

}  // namespace

TEST_CASE("correlation: the chapter's kernel is not symmetric, and the outputs differ") {
    const Lesson& lesson = lesson_named("correlation-vs-convolution");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<CorrelationFigure>(lesson, p);
    CHECK_FALSE(figure.symmetric);
    CHECK(figure.output_cells == 9);
    int differing = 0;
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x) {
            const float by_hand = convolution_by_hand(p, 0, 0, y, x);
            CHECK(figure.convolution.output.at(0, 0, y, x) == by_hand);
            differing += by_hand != p.output.at(0, 0, y, x);
        }
    CHECK(figure.differing_cells == differing);
    CHECK(differing > 0);
    // Its steps are the convolution's: the kernel turned in every term.
    const TraceStep step = figure.convolution.trace.step(0);
    CHECK(step.terms.front().kernel_value == p.kernel.at(0, 0, 2, 2));
}

TEST_CASE("correlation: a kernel equal to its 180° turn gives the same output") {
    PlaygroundSetup s = lesson_named("correlation-vs-convolution").setup;
    s.channels = 2;
    s.filters = 2;
    s.input_values.clear();
    // Each slice the same turned 180°; slices differ from one another.
    s.kernel_values = {1, 2, 3, 0, 5, 0, 3, 2, 1, 4, 0, 4, 1, 1, 1, 4, 0, 4,
                       0, 0, 1, 2, 2, 2, 1, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7, 7};
    const Playground p = build_playground(s);
    const CorrelationFigure figure = build_correlation_figure(p);
    CHECK(figure.symmetric);
    CHECK(figure.differing_cells == 0);
    CHECK(figure.convolution.output.values() == p.output.values());

    // One weight off its turn breaks the symmetry; a zero input still agrees by chance.
    s.kernel_values[0] = 9;
    s.input_values.assign(value_counts(s).input, 0.0f);
    const CorrelationFigure broken = build_correlation_figure(build_playground(s));
    CHECK_FALSE(broken.symmetric);
    CHECK(broken.differing_cells == 0);
}

TEST_CASE("correlation: over random settings the convolution is the turned kernel's trace") {
    for (const Playground& p : random_playgrounds(TracedOp::Conv, 80, 23)) {
        const CorrelationFigure figure = build_correlation_figure(p);
        const Tensor turned = turned_kernel(p.kernel);
        CHECK(figure.convolution.kernel.values() == turned.values());
        CHECK(turned_kernel(turned).values() == p.kernel.values());
        CHECK(figure.symmetric == (turned.values() == p.kernel.values()));
        CHECK(figure.convolution.trace.replay().values() == figure.convolution.output.values());
        int differing = 0;
        for (std::size_t i = 0; i < p.output.values().size(); ++i)
            differing += figure.convolution.output.values()[i] != p.output.values()[i];
        CHECK(figure.differing_cells == differing);
    }
}
