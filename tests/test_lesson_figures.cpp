// The lesson figures core builds for the views: each shows the numbers its lesson's
// text states (parsed from the text, so a changed sentence or a changed preset fails)
// and agrees with an independent computation. Which view gets which figure, and the
// counting figures, are in test_lesson_figure_counts.cpp. Sections:
//   1. helpers   2. receptive field   3. parameter sharing   4. equivariance
//   5. pool robustness
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <utility>

#include "core/lessons/lesson_figures.hpp"
#include "core/lessons/translation.hpp"
#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"
#include "tests/lesson_text.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

// ---- 1. helpers -------------------------------------------------------------------------

// Plane (n, c) of `tensor` as (1,1,H,W), its columns moved `dx` to the right.
Tensor slice(const Tensor& tensor, int n, int c, int dx) {
    Tensor out({1, 1, tensor.dim(2), tensor.dim(3)});
    for (int y = 0; y < tensor.dim(2); ++y)
        for (int x = dx; x < tensor.dim(3); ++x) out.at(0, 0, y, x) = tensor.at(n, c, y, x - dx);
    return out;
}

}  // namespace

// ---- 2. receptive field ---------------------------------------------------------------

namespace {

// Every input cell unit (y, x) of layer 2 depends on, from the taps alone.
std::set<std::pair<int, int>> inputs_behind(const ReceptiveFieldFigure& figure, int y, int x) {
    std::set<std::pair<int, int>> cells;
    for (const Tap& middle : output_taps(figure.second, y, x)) {
        if (middle.padded) continue;
        for (const Tap& input : output_taps(figure.first, middle.in_y, middle.in_x)) {
            if (!input.padded) cells.insert({input.in_y, input.in_x});
        }
    }
    return cells;
}

}  // namespace

TEST_CASE("receptive field: two layers of the stated kernel, a field of the stated size") {
    const Lesson& lesson = lesson_named("receptive-field");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<ReceptiveFieldFigure>(lesson, p);
    REQUIRE(figure.fits());
    INFO(lesson.expected);

    const auto [kernel_h, kernel_w] = size_after(lesson.expected, "Two ");
    CHECK(figure.first.h.kernel == kernel_h);
    CHECK(figure.first.w.kernel == kernel_w);
    CHECK(figure.second.h.kernel == kernel_h);
    CHECK(figure.second.w.kernel == kernel_w);
    // Layer 2 reads layer 1: its input is layer 1's size, and stride 1 without padding
    // shrinks each layer by k - 1.
    CHECK(figure.second.h.input == figure.first.h.output);
    CHECK(figure.layer1.shape() ==
          std::vector<int>{1, 1, p.input.dim(2) - kernel_h + 1, p.input.dim(3) - kernel_w + 1});
    CHECK(figure.layer2.shape() == std::vector<int>{1, 1, p.input.dim(2) - 2 * (kernel_h - 1),
                                                    p.input.dim(3) - 2 * (kernel_w - 1)});
    CHECK(figure.units() == figure.layer2.dim(2) * figure.layer2.dim(3));
    // Play walks over every unit of layer 2 row by row, then starts again.
    int walk = 0;
    for (int y = 0; y < figure.layer2.dim(2); ++y)
        for (int x = 0; x < figure.layer2.dim(3); ++x, ++walk) {
            CHECK(figure.walked_unit(walk) == GridCell{y, x});
            CHECK(figure.walked_unit(walk + figure.units()) == GridCell{y, x});
        }

    const auto [field_h, field_w] = size_after(lesson.expected, "sees ");
    for (int y = 0; y < figure.layer2.dim(2); ++y)
        for (int x = 0; x < figure.layer2.dim(3); ++x) {
            INFO("unit " << y << ", " << x);
            const std::vector<FieldRegion> regions = unit_field(figure, y, x);
            REQUIRE(regions.size() == 3);
            CHECK(regions[0].rows.size() == field_h);
            CHECK(regions[0].cols.size() == field_w);
            CHECK(regions[1].rows.size() == kernel_h);
            CHECK(regions[2].rows.first == y);
            CHECK(regions[2].cols.first == x);
            // The field is exactly the box of the cells the unit depends on.
            const std::set<std::pair<int, int>> cells = inputs_behind(figure, y, x);
            CHECK(cells.size() == static_cast<std::size_t>(field_h * field_w));
            CHECK(cells.begin()->first == regions[0].clipped_rows.first);
            CHECK(cells.begin()->second == regions[0].clipped_cols.first);
            CHECK(cells.rbegin()->first == regions[0].clipped_rows.last);
            CHECK(cells.rbegin()->second == regions[0].clipped_cols.last);
        }
}

TEST_CASE("receptive field: layer 1 is the lesson's output, layer 2 its convolution") {
    const Lesson& lesson = lesson_named("receptive-field");
    PlaygroundSetup setup = lesson.setup;
    setup.channels = 2;  // layer 1 is filter 0's map, which sums over every channel
    setup.filters = 2;
    setup.options.h.padding = setup.options.w.padding = Padding::of(1);
    const Playground p = build_playground(setup);
    const auto figure = figure_of<ReceptiveFieldFigure>(lesson, p);
    REQUIRE(figure.fits());
    const Tensor replayed = p.trace.replay();
    for (int y = 0; y < figure.layer1.dim(2); ++y)
        for (int x = 0; x < figure.layer1.dim(3); ++x)
            CHECK(figure.layer1.at(0, 0, y, x) == replayed.at(0, 0, y, x));
    const Tensor kernel = slice(p.kernel, 0, 0, 0);
    CHECK(figure.layer2.values() == conv2d(figure.layer1, kernel, {}, setup.options).values());
    CHECK(figure.layer2.shape() == figure.layer1.shape());  // padding 1 keeps the size
}

TEST_CASE("receptive field: a second layer that does not fit says why") {
    PlaygroundSetup setup = lesson_named("receptive-field").setup;
    setup.input_h = setup.input_w = 4;  // layer 1 is 2x2: a 3x3 kernel no longer fits
    const Playground p = build_playground(setup);
    const auto figure = figure_of<ReceptiveFieldFigure>(lesson_named("receptive-field"), p);
    CHECK_FALSE(figure.fits());
    CHECK(figure.error.find("larger than the padded input") != std::string::npos);
    CHECK(figure.layer2.size() == 0);
    CHECK(figure.layer1.shape() == std::vector<int>{1, 1, 2, 2});
    // The numbers the window words it with: layer 1 unpadded (2x2) against a 3x3 kernel.
    CHECK(figure.padded_h == 2);
    CHECK(figure.padded_w == 2);
    CHECK(figure.kernel_too_large());
}

TEST_CASE("receptive field: the padded layer 1 counts the padding and the dilated span") {
    PlaygroundSetup setup = lesson_named("receptive-field").setup;
    setup.input_h = setup.input_w = 5;
    setup.options.h.padding = setup.options.w.padding = Padding::of(1);
    setup.options.h.dilation = setup.options.w.dilation = 3;  // spans 7: layer 1 is 1x1
    const auto figure =
        figure_of<ReceptiveFieldFigure>(lesson_named("receptive-field"), build_playground(setup));
    CHECK_FALSE(figure.fits());
    CHECK(figure.layer1.shape() == std::vector<int>{1, 1, 1, 1});
    CHECK(figure.padded_h == 3);  // 1 + 2 * 1
    CHECK(figure.padded_w == 3);
    CHECK(figure.kernel_too_large());

    setup.options.h.dilation = setup.options.w.dilation = 1;  // layer 1 is 5x5 again: it fits
    const auto fitting =
        figure_of<ReceptiveFieldFigure>(lesson_named("receptive-field"), build_playground(setup));
    CHECK(fitting.fits());
    CHECK(fitting.padded_h == 7);
    CHECK_FALSE(fitting.kernel_too_large());
}

// ---- 3. parameter sharing -------------------------------------------------------------

TEST_CASE("sharing: the stated number of weights, each used the stated number of times") {
    const Lesson& lesson = lesson_named("sharing");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<SharingFigure>(lesson, p);
    INFO(lesson.expected);
    const int k = number_after(lesson.expected, "k=");
    CHECK(number_after(lesson.expected, "i=") == p.input.dim(2));
    CHECK(figure.kernel_h == k);
    CHECK(static_cast<int>(figure.weights.size()) == number_after(lesson.expected, ": "));
    const int stated_uses = number_after(lesson.expected, "each used ");
    for (int ky = 0; ky < figure.kernel_h; ++ky)
        for (int kx = 0; kx < figure.kernel_w; ++kx) {
            const WeightUses& uses = figure.uses(ky, kx);
            CHECK(uses.count() == stated_uses);
            CHECK(uses.inputs.size() == uses.entries.size());
            CHECK(uses.outputs.size() == uses.entries.size());
        }
}

TEST_CASE("sharing: each weight's uses are the windows that cover it") {
    // Padding and stride make the border weights' counts differ from the centre's.
    for (const auto& [stride, pad] : std::vector<std::pair<int, int>>{{1, 0}, {1, 1}, {2, 1}}) {
        PlaygroundSetup setup = lesson_named("sharing").setup;
        setup.options = Options2d::uniform(stride, Padding::of(pad));
        const Playground p = build_playground(setup);
        const auto figure = figure_of<SharingFigure>(lesson_named("sharing"), p);
        const ConvGeometry& g = p.trace.geometry();
        int total = 0;
        for (int ky = 0; ky < g.h.kernel; ++ky)
            for (int kx = 0; kx < g.w.kernel; ++kx) {
                INFO("stride " << stride << ", padding " << pad << ", weight " << ky << ", " << kx);
                const WeightUses& uses = figure.uses(ky, kx);
                // Output (oy, ox) puts weight (ky, kx) on input (oy*s - p + ky, ox*s - p + kx).
                std::vector<GridCell> outputs, inputs, entries;
                for (int oy = 0; oy < g.h.output; ++oy)
                    for (int ox = 0; ox < g.w.output; ++ox) {
                        const int iy = oy * stride - pad + ky, ix = ox * stride - pad + kx;
                        if (iy < 0 || iy >= g.h.input || ix < 0 || ix >= g.w.input) continue;
                        outputs.push_back({oy, ox});
                        inputs.push_back({iy, ix});
                        entries.push_back({oy * g.w.output + ox, iy * g.w.input + ix});
                    }
                CHECK(uses.outputs == outputs);
                CHECK(uses.inputs == inputs);
                std::vector<GridCell> sorted = uses.entries;
                std::sort(sorted.begin(), sorted.end(), [](GridCell a, GridCell b) {
                    return std::make_pair(a.y, a.x) < std::make_pair(b.y, b.x);
                });
                CHECK(sorted == entries);
                for (const GridCell& entry : uses.entries)
                    CHECK(figure.matrix.at(entry.y, entry.x) == ky * g.w.kernel + kx);
                total += uses.count();
            }
        CHECK(total == figure.matrix.connections());
    }
}

// ---- 4. equivariance ------------------------------------------------------------------

TEST_CASE("equivariance: the stated shift; the results differ only at the border") {
    const Lesson& lesson = lesson_named("equivariance");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<EquivarianceFigure>(lesson, p);
    REQUIRE(figure.holds());
    INFO(lesson.expected);
    CHECK(figure.dx == number_after(lesson.expected, "Shift right by "));
    CHECK(figure.dy == 0);
    CHECK(after(lesson.expected, "agree except at the ").rfind("border", 0) == 0);

    const ShiftedConvolution& map = figure.at(0, 0);
    const int rows = map.difference.dim(2), cols = map.difference.dim(3);
    int border_nonzero = 0;
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x) {
            const bool differs = map.differs[static_cast<std::size_t>(y * cols + x)];
            CHECK(differs == (map.difference.at(0, 0, y, x) != 0.0f));
            if (x >= figure.dx) {
                CHECK_FALSE(differs);  // away from the border the two agree
            } else {
                // The shift let zeros in here: shift(conv(x)) is 0, so the difference is
                // conv(shift(x)) itself.
                CHECK(map.shift_of_conv.at(0, 0, y, x) == 0.0f);
                CHECK(map.difference.at(0, 0, y, x) == map.conv_of_shift.at(0, 0, y, x));
                border_nonzero += map.conv_of_shift.at(0, 0, y, x) != 0.0f;
            }
        }
    CHECK(map.differing == border_nonzero);
    CHECK(map.differing > 0);  // the lesson's values do show a border difference
}

TEST_CASE("equivariance: one comparison per item and filter, from their own planes") {
    PlaygroundSetup setup = lesson_named("equivariance").setup;
    setup.batch = 2;
    setup.filters = 3;
    const Playground p = build_playground(setup);
    const auto figure = figure_of<EquivarianceFigure>(lesson_named("equivariance"), p);
    REQUIRE(figure.holds());
    CHECK(figure.maps.size() == 6);
    for (int n = 0; n < 2; ++n)
        for (int f = 0; f < 3; ++f) {
            INFO("item " << n << ", filter " << f);
            const ShiftedConvolution& map = figure.at(n, f);
            const Tensor x = slice(p.input, n, 0, 0), shifted = slice(p.input, n, 0, 1);
            const Tensor weight = slice(p.kernel, f, 0, 0);
            CHECK(map.x.values() == x.values());
            CHECK(map.shifted.values() == shifted.values());
            CHECK(map.conv_x.values() == conv2d(x, weight, {}, setup.options).values());
            CHECK(map.shift_of_conv.values() == shift_tensor(map.conv_x, 0, 1).values());
            CHECK(map.conv_of_shift.values() ==
                  conv2d(shifted, weight, {}, setup.options).values());
            int differing = 0;
            for (std::size_t i = 0; i < map.difference.size(); ++i) {
                CHECK(map.difference.data()[i] ==
                      map.conv_of_shift.data()[i] - map.shift_of_conv.data()[i]);
                differing += map.difference.data()[i] != 0.0f;
            }
            CHECK(map.differing == differing);
        }
}

TEST_CASE("equivariance: a stride that skips the shift says why") {
    PlaygroundSetup setup = lesson_named("equivariance").setup;
    setup.options = Options2d::uniform(2, Padding::of(0));
    const auto figure =
        figure_of<EquivarianceFigure>(lesson_named("equivariance"), build_playground(setup));
    CHECK_FALSE(figure.holds());
    CHECK(figure.error.find("stride 1") != std::string::npos);
    CHECK(figure.maps.empty());
    CHECK(figure.stride_h == 2);
    CHECK(figure.stride_w == 2);
    CHECK(figure.stride_too_large());

    setup.options = Options2d::uniform(1, Padding::of(0));
    const auto holding =
        figure_of<EquivarianceFigure>(lesson_named("equivariance"), build_playground(setup));
    CHECK(holding.holds());
    CHECK_FALSE(holding.stride_too_large());
}

// ---- 5. pool robustness ---------------------------------------------------------------

namespace {

// Max of window (y, x) of item n, channel c, by hand: stride and window from the
// setup, no padding (as the lesson).
float window_max(const Tensor& input, const PlaygroundSetup& s, int n, int c, int y, int x) {
    float best = input.at(n, c, y * s.options.h.stride, x * s.options.w.stride);
    for (int dy = 0; dy < s.kernel_h; ++dy)
        for (int dx = 0; dx < s.kernel_w; ++dx)
            best = std::max(
                best, input.at(n, c, y * s.options.h.stride + dy, x * s.options.w.stride + dx));
    return best;
}

}  // namespace

TEST_CASE("pool robustness: the stated shift keeps many outputs, the marked ones") {
    const Lesson& lesson = lesson_named("pool-robust");
    const Playground p = playground_of(lesson);
    const auto figure = figure_of<PoolRobustnessFigure>(lesson, p);
    INFO(lesson.explanation);
    CHECK(figure.dx == number_after(lesson.explanation, "Move the input by "));
    CHECK(figure.dy == 0);
    // "many max-pool outputs stay the same": at least half of them here.
    CHECK(after(lesson.explanation, ": ").rfind("many", 0) == 0);
    CHECK(figure.kept_in_map(0, 0) * 2 >= figure.cells_per_map());
    CHECK(figure.kept_in_map(0, 0) < figure.cells_per_map());  // and not trivially all
}

TEST_CASE("pool robustness: kept cells, counts and winners against the windows by hand") {
    PlaygroundSetup setup = lesson_named("pool-robust").setup;
    setup.batch = 2;
    setup.channels = 2;
    const Playground p = build_playground(setup);
    const auto figure = figure_of<PoolRobustnessFigure>(lesson_named("pool-robust"), p);
    const Tensor& shifted = figure.shifted_input;
    CHECK(shifted.values() == shift_tensor(p.input, 0, 1).values());
    const OperationTrace trace = OperationTrace::pool(TracedOp::MaxPool, shifted, setup.kernel_h,
                                                      setup.kernel_w, setup.options);
    const Tensor& out = figure.shifted_output;
    REQUIRE(out.shape() == p.output.shape());
    int t = 0;
    for (int n = 0; n < out.dim(0); ++n)
        for (int c = 0; c < out.dim(1); ++c) {
            int kept = 0;
            for (int y = 0; y < out.dim(2); ++y)
                for (int x = 0; x < out.dim(3); ++x, ++t) {
                    INFO(n << ", " << c << ", " << y << ", " << x);
                    const float before = window_max(p.input, setup, n, c, y, x);
                    const float after_shift = window_max(shifted, setup, n, c, y, x);
                    CHECK(out.at(n, c, y, x) == after_shift);
                    CHECK(figure.is_kept(n, c, y, x) == (before == after_shift));
                    kept += before == after_shift;
                    // The rings shown once the trace has written this cell.
                    CHECK(p.trace.step_of(n, c, y, x) == t);
                    CHECK(figure.kept_through(n, c, y, x) == kept);
                    // The winner holds the maximum, inside the window, and is the one the
                    // trace of the shifted input marks.
                    const GridCell winner = figure.winner(n, c, y, x);
                    REQUIRE(winner.exists());
                    CHECK(shifted.at(n, c, winner.y, winner.x) == after_shift);
                    CHECK(winner.y / setup.options.h.stride == y);
                    CHECK(winner.x / setup.options.w.stride == x);
                    const TraceStep step = trace.step(t);
                    const Tap& tap = step.terms[static_cast<std::size_t>(step.winner)].tap;
                    CHECK(winner == GridCell{tap.in_y, tap.in_x});
                }
            CHECK(figure.kept_in_map(n, c) == kept);
        }
}
