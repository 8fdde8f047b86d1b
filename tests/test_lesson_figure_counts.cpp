// Which view gets which figure, and the two figures whose point is a count: how often
// each input cell is read (padding, seed 2.3) and how many connections a convolution
// makes against a fully connected layer (sparse connectivity, seed 2.7.1). Each shows
// the numbers its lesson's text states (parsed from the text) and agrees with a count
// by brute force over the windows. Sections:
//   1. which view gets which figure   2. visit counts   3. sparse connectivity
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/lessons/lesson_figures.hpp"
#include "tests/lesson_text.hpp"

using namespace convscope;
using namespace convscope::testing;

// ---- 1. which view gets which figure ----------------------------------------------------

TEST_CASE("each view that has a figure gets it, only for the operation it explains") {
    int with_figure = 0;
    for (const Lesson& lesson : lessons()) {
        INFO(lesson.id);
        const LessonFigure figure = build_lesson_figure(lesson.view, playground_of(lesson));
        const std::pair<LessonView, std::size_t> with[] = {
            {LessonView::ReceptiveField, 1},   {LessonView::Equivariance, 2},
            {LessonView::PoolRobustness, 3},   {LessonView::Sharing, 4},
            {LessonView::VisitCounts, 5},      {LessonView::Sparse, 6},
            {LessonView::Backward, 7},         {LessonView::Im2col, 8},
            {LessonView::TransposedDirect, 9}, {LessonView::CorrelationConvolution, 10},
            {LessonView::Groups, 11},          {LessonView::Signal, 12}};
        std::size_t expected = 0;  // the alternatives of LessonFigure; 0 is no figure
        for (const auto& [view, alternative] : with)
            if (lesson.view == view) expected = alternative;
        CHECK(figure.index() == expected);
        with_figure += expected > 0;
    }
    // Same and full padding count reads; the backward pass has a conv and a pool lesson;
    // grouped, depthwise and pointwise show groups; three 1-D lessons show signals; one
    // lesson per other view.
    CHECK(with_figure == 18);

    // The student switched the operation: the view falls back to the plain steps.
    PlaygroundSetup pooled = lesson_named("sharing").setup;
    pooled.op = TracedOp::MaxPool;
    pooled.kernel_values.clear();
    const Playground p = build_playground(pooled);
    for (LessonView view : {LessonView::ReceptiveField, LessonView::Equivariance,
                            LessonView::Sharing, LessonView::Sparse, LessonView::Im2col,
                            LessonView::TransposedDirect, LessonView::CorrelationConvolution}) {
        CHECK(std::holds_alternative<std::monostate>(build_lesson_figure(view, p)));
    }
    CHECK(std::holds_alternative<std::monostate>(build_lesson_figure(
        LessonView::PoolRobustness, playground_of(lesson_named("equivariance")))));
    // The backward pass explains conv and pooling, not a transposed conv.
    CHECK(std::holds_alternative<BackwardFigure>(build_lesson_figure(LessonView::Backward, p)));
    CHECK(std::holds_alternative<std::monostate>(
        build_lesson_figure(LessonView::Backward, playground_of(lesson_named("transposed")))));
    // Every operation reads its input: pooling and transposed convolution count too.
    CHECK(
        std::holds_alternative<VisitCountsFigure>(build_lesson_figure(LessonView::VisitCounts, p)));
    CHECK(std::holds_alternative<VisitCountsFigure>(
        build_lesson_figure(LessonView::VisitCounts, playground_of(lesson_named("transposed")))));
}

// ---- 2. visit counts ------------------------------------------------------------------

namespace {

// Reads per input cell by brute force over every output cell and kernel cell: a
// window reads input o*s - p + k*d; a transposed convolution's input i reaches output
// i*s - p + k*d. Row-major over the input.
std::vector<int> reads_by_hand(const Playground& p) {
    const PlaygroundSetup& s = p.setup;
    const ConvGeometry& g = p.trace.geometry();
    const AxisGeometry axes[] = {g.h, g.w};
    const bool transposed = s.op == TracedOp::TransposedConv;
    // Per axis: how often input cell i is read, counting window positions.
    std::vector<int> per_axis[2];
    for (int a = 0; a < 2; ++a) {
        const AxisGeometry& axis = axes[a];
        per_axis[a].assign(static_cast<std::size_t>(axis.input), 0);
        const int positions = transposed ? axis.input : axis.output;
        for (int o = 0; o < positions; ++o)
            for (int k = 0; k < axis.kernel; ++k) {
                const int at = o * axis.stride - axis.pad_before + k * axis.dilation;
                const int bound = transposed ? axis.output : axis.input;
                if (at < 0 || at >= bound) continue;
                ++per_axis[a][static_cast<std::size_t>(transposed ? o : at)];
            }
    }
    // A window is a product of its rows and columns, so the reads multiply.
    std::vector<int> reads;
    for (int y = 0; y < g.h.input; ++y)
        for (int x = 0; x < g.w.input; ++x)
            reads.push_back(per_axis[0][static_cast<std::size_t>(y)] *
                            per_axis[1][static_cast<std::size_t>(x)]);
    return reads;
}

VisitCountsFigure visit_figure(const Playground& p) {
    const LessonFigure figure = build_lesson_figure(LessonView::VisitCounts, p);
    REQUIRE(std::holds_alternative<VisitCountsFigure>(figure));
    return std::get<VisitCountsFigure>(figure);
}

}  // namespace

TEST_CASE("same padding: the stated size, corners and centre read the stated times") {
    const Lesson& lesson = lesson_named("same");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<VisitCountsFigure>(lesson, p);
    INFO(lesson.expected);
    const int i = number_after(lesson.expected, "i="), k = number_after(lesson.expected, "k=");
    CHECK(p.input.dim(2) == i);
    CHECK(p.kernel.dim(2) == k);
    CHECK(p.trace.geometry().h.pad_before == number_after(lesson.expected, "p="));
    CHECK(figure.rows == i);
    CHECK(figure.cols == i);

    const int corner = number_after(lesson.expected, "Corners are read ");
    const int centre = number_after(lesson.expected, "the centre ");
    for (const auto& [y, x] :
         std::vector<std::pair<int, int>>{{0, 0}, {0, i - 1}, {i - 1, 0}, {i - 1, i - 1}})
        CHECK(figure.at(y, x) == corner);
    CHECK(figure.at(i / 2, i / 2) == centre);
    // The view writes "read 4 to 9 times": the corners least, the centre most.
    CHECK_FALSE(figure.uniform());
    CHECK(figure.fewest == corner);
    CHECK(figure.most == centre);
}

TEST_CASE("full padding: every cell is read k x k times, as stated") {
    const Lesson& lesson = lesson_named("full");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<VisitCountsFigure>(lesson, p);
    INFO(lesson.expected);
    const int k = number_after(lesson.expected, "k=");
    CHECK(number_after(lesson.expected, "p=") == k - 1);  // full: p = k - 1
    CHECK(p.trace.geometry().h.pad_before == k - 1);
    const std::string reads = after(lesson.expected, "every cell is read ");
    CHECK(number_after(reads, "") == k);
    CHECK(number_after(reads, " x ") == k);
    const int stated = number_after(reads, "= ");
    CHECK(stated == k * k);
    CHECK(figure.uniform());
    CHECK(figure.fewest == stated);
    for (int count : figure.counts) CHECK(count == stated);
    CHECK(after(lesson.explanation, "every input cell is read exactly ").rfind("k times", 0) == 0);
}

TEST_CASE("visit counts equal the reads by hand for every lesson's operation and settings") {
    for (const Lesson& lesson : lessons()) {
        INFO(lesson.id);
        const Playground p = playground_of(lesson);
        const VisitCountsFigure figure = visit_figure(p);
        const std::vector<int> expected = reads_by_hand(p);
        CHECK(figure.counts == expected);
        CHECK(figure.rows * figure.cols == static_cast<int>(expected.size()));
        CHECK(figure.fewest == *std::min_element(expected.begin(), expected.end()));
        CHECK(figure.most == *std::max_element(expected.begin(), expected.end()));
        CHECK(figure.uniform() == (figure.fewest == figure.most));
    }
}

TEST_CASE("visit counts: the padding lessons read the border least; stride 2 the centre too") {
    for (const char* id : {"same", "padding", "padding-arbitrary", "stride"}) {
        INFO(id);
        const VisitCountsFigure figure = visit_figure(playground_of(lesson_named(id)));
        int border_fewest = figure.most;
        for (int y = 0; y < figure.rows; ++y)
            for (int x = 0; x < figure.cols; ++x)
                if (y == 0 || x == 0 || y == figure.rows - 1 || x == figure.cols - 1)
                    border_fewest = std::min(border_fewest, figure.at(y, x));
        CHECK_FALSE(figure.uniform());
        CHECK(border_fewest == figure.fewest);
        // Stride 2 reads the centre once, as it does the corners: not the border alone.
        CHECK(figure.border_read_least() == (std::string(id) != "stride"));
        if (std::string(id) == "stride") CHECK(figure.at(2, 2) == figure.fewest);
    }
}

TEST_CASE("visit counts: where the fewest reads are is counted, not assumed to be the border") {
    // i=7, k=1, s=3: rows and columns 0, 3 and 6 are read once, the rest never, so the
    // corners are read and cells inside are not.
    PlaygroundSetup setup = lesson_named("same").setup;
    setup.input_values.clear();
    setup.kernel_values.clear();
    setup.input_h = setup.input_w = 7;
    setup.kernel_h = setup.kernel_w = 1;
    setup.options = Options2d::uniform(3, Padding::of(0));
    const VisitCountsFigure skipping = visit_figure(build_playground(setup));
    CHECK(skipping.fewest == 0);
    CHECK(skipping.most == 1);
    CHECK(skipping.at(0, 0) == 1);
    CHECK(skipping.at(1, 1) == 0);
    CHECK_FALSE(skipping.border_read_least());
    CHECK(skipping.never_read() == 7 * 7 - 3 * 3);

    // Full padding reads every cell alike: no place is read least.
    const VisitCountsFigure full = visit_figure(playground_of(lesson_named("full")));
    CHECK_FALSE(full.border_read_least());
    CHECK(full.never_read() == 0);

    // An input two cells thin is all border: nothing to hold it against.
    setup.input_h = 2;
    setup.kernel_h = setup.kernel_w = 3;
    setup.options = Options2d::uniform(1, Padding::parse("same"));
    const VisitCountsFigure thin = visit_figure(build_playground(setup));
    CHECK_FALSE(thin.uniform());
    CHECK_FALSE(thin.border_read_least());
}

// ---- 3. sparse connectivity -----------------------------------------------------------

TEST_CASE("sparse: the stated outputs, inputs read and connections against dense") {
    const Lesson& lesson = lesson_named("sparse");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<SparseFigure>(lesson, p);
    INFO(lesson.expected);
    const int i = number_after(lesson.expected, "i="), k = number_after(lesson.expected, "k=");
    CHECK(p.input.dim(2) == i);
    CHECK(figure.kernel_cells == k * k);
    const int outputs = number_after(lesson.expected, ": ");
    CHECK(after(lesson.expected, ": " + std::to_string(outputs)).rfind(" outputs", 0) == 0);
    CHECK(figure.outputs() == outputs);
    const int reading = number_after(lesson.expected, "each reading ");
    CHECK(figure.inputs() == number_after(lesson.expected, std::to_string(reading) + " of "));
    for (int row = 0; row < figure.outputs(); ++row) {
        int connected = 0;
        for (int col = 0; col < figure.inputs(); ++col)
            connected += figure.matrix.at(row, col) >= 0;
        CHECK(connected == reading);
    }
    const int sparse = number_after(lesson.expected, "k x n = ");
    CHECK(figure.connections == sparse);
    CHECK(sparse == figure.kernel_cells * figure.outputs());
    CHECK(figure.window_cells() == sparse);  // no padding: every window cell is an input
    CHECK_FALSE(figure.padding_cuts_connections());
    for (int row = 0; row < figure.outputs(); ++row) CHECK(figure.inputs_read(row) == reading);
    const int dense = number_after(lesson.expected, "m x n = ");
    CHECK(figure.dense_connections == dense);
    CHECK(dense == figure.inputs() * figure.outputs());
    CHECK(after(lesson.explanation, "connects each output to only ").rfind("k inputs", 0) == 0);
}

TEST_CASE("sparse: every entry is the kernel weight its window puts there, by hand") {
    const std::pair<int, int> settings[] = {{1, 0}, {1, 1}, {2, 1}, {1, 2}};  // stride, padding
    for (const auto& [stride, pad] : settings)
        for (int dilation : {1, 2}) {
            INFO("stride " << stride << ", padding " << pad << ", dilation " << dilation);
            PlaygroundSetup setup = lesson_named("sparse").setup;
            setup.input_w = 6;                   // not square: rows and columns must not be swapped
            setup.channels = setup.filters = 2;  // the matrix shows kernel slice (0, 0)
            setup.options = Options2d::uniform(stride, Padding::of(pad), dilation);
            const Playground p = build_playground(setup);
            const auto figure = figure_of<SparseFigure>(lesson_named("sparse"), p);
            const int h = p.input.dim(2), w = p.input.dim(3);
            const int oh = p.output.dim(2), ow = p.output.dim(3), kh = setup.kernel_h,
                      kw = setup.kernel_w;
            REQUIRE(figure.outputs() == oh * ow);
            REQUIRE(figure.inputs() == h * w);
            std::vector<int> index(static_cast<std::size_t>(oh * ow * h * w), -1);
            std::vector<float> weight(index.size(), 0.0f);
            int connections = 0;
            for (int oy = 0; oy < oh; ++oy)
                for (int ox = 0; ox < ow; ++ox)
                    for (int ky = 0; ky < kh; ++ky)
                        for (int kx = 0; kx < kw; ++kx) {
                            const int iy = oy * stride - pad + ky * dilation,
                                      ix = ox * stride - pad + kx * dilation;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            const std::size_t entry =
                                static_cast<std::size_t>((oy * ow + ox) * h * w + iy * w + ix);
                            index[entry] = ky * kw + kx;
                            weight[entry] = p.kernel.at(0, 0, ky, kx);
                            ++connections;
                        }
            CHECK(figure.matrix.weight_index == index);
            CHECK(figure.entry_weights == weight);
            CHECK(figure.connections == connections);
            CHECK(figure.dense_connections == oh * ow * h * w);
            CHECK(figure.kernel_cells == kh * kw);
            // The sharing view draws the same matrix with the same weights.
            const LessonFigure sharing = build_lesson_figure(LessonView::Sharing, p);
            REQUIRE(std::holds_alternative<SharingFigure>(sharing));
            CHECK(std::get<SharingFigure>(sharing).entry_weights == figure.entry_weights);
        }
}

TEST_CASE("sparse: the step's row holds the inputs and weights the step multiplies") {
    PlaygroundSetup setup = lesson_named("sparse").setup;
    setup.options = Options2d::uniform(2, Padding::of(1));
    const Playground p = build_playground(setup);
    const auto figure = figure_of<SparseFigure>(lesson_named("sparse"), p);
    int reads = 0, windows = 0;
    for (int t = 0; t < p.trace.step_count(); ++t) {
        const TraceStep step = p.trace.step(t);
        INFO("step " << t);
        const int row = figure.row_of(step.y, step.x);
        std::set<int> columns;
        for (const TraceTerm& term : step.terms) {
            if (term.tap.padded) continue;  // padding has no column
            const int col = term.tap.in_y * p.input.dim(3) + term.tap.in_x;
            columns.insert(col);
            CHECK(figure.entry_weights[static_cast<std::size_t>(row * figure.inputs() + col)] ==
                  term.kernel_value);
        }
        for (int col = 0; col < figure.inputs(); ++col)
            CHECK((figure.matrix.at(row, col) >= 0) == (columns.count(col) == 1));
        // "Output r reads N inputs" counts the real ones, as the row does.
        CHECK(figure.inputs_read(row) == static_cast<int>(columns.size()));
        reads += figure.inputs_read(row);
        windows += static_cast<int>(step.terms.size());
    }
    // Some windows reach into the padding: fewer connections than k x n.
    CHECK(figure.window_cells() == windows);
    CHECK(figure.connections == reads);
    CHECK(reads < windows);
    CHECK(figure.padding_cuts_connections());
}
