// The quiz's diagnosis: each kind of mistake, made the way a student makes it (computed
// here from the reference ops with the slip, not from the diagnosis' own code), is named;
// right answers are right; new exercises are valid and reproducible.
#include <doctest/doctest.h>

#include "core/lessons/quiz.hpp"
#include "core/lessons/quiz_cell.hpp"
#include "core/lessons/quiz_size.hpp"
#include "core/lessons/quiz_window.hpp"

using namespace convscope;

namespace {

Tensor plane(int h, int w, std::vector<float> values) {
    return Tensor({1, 1, h, w}, values);
}

// The conv-basic example of the chapter: first output cell 12.
const std::vector<float> kSeedInput = {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2,
                                       2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1};
const std::vector<float> kSeedKernel = {0, 1, 2, 2, 2, 0, 0, 1, 2};

Mistake cell_mistake(const OperationTrace& trace, int step, float answer) {
    return diagnose_cell(trace, step, answer).mistake;
}

// Distinct primes, so no two slips give the same sum.
const Tensor kPrimeInput = plane(2, 2, {2, 3, 5, 7});
const Tensor kPrimeKernel = plane(2, 2, {11, 13, 17, 19});  // 2*11+3*13+5*17+7*19 = 279

}  // namespace

TEST_CASE("a right cell value is right, and the chapter's first cell is 12") {
    const auto trace = OperationTrace::conv(plane(5, 5, kSeedInput), plane(3, 3, kSeedKernel), {},
                                            Options2d::uniform(1, Padding::of(0)));
    CHECK(diagnose_cell(trace, 0, 12.0f).right());
    CHECK_FALSE(diagnose_cell(trace, 0, 11.0f).right());
    CHECK(cell_mistake(trace, 0, 1000.0f) == Mistake::Unknown);
}

TEST_CASE("one product missed, added, or multiplied by the wrong weight") {
    const auto trace =
        OperationTrace::conv(kPrimeInput, kPrimeKernel, {}, Options2d::uniform(1, Padding::of(0)));
    REQUIRE(trace.step(0).value == 279.0f);
    const Diagnosis missed = diagnose_cell(trace, 0, 279.0f - 5 * 17);
    CHECK(missed.mistake == Mistake::ProductMissed);
    CHECK(missed.term == 2);
    CHECK(missed.message.english() == "The product 17×5 = 85 is missing from the sum.");
    const Diagnosis added = diagnose_cell(trace, 0, 279.0f - 7 * 19 + (7 + 19));
    CHECK(added.mistake == Mistake::AddedNotMultiplied);
    CHECK(added.term == 3);
    CHECK(cell_mistake(trace, 0, 279.0f - 3 * 13 + 3 * 11) == Mistake::ProductWrongWeight);
}

TEST_CASE("the bias left out") {
    const Options2d options = Options2d::uniform(1, Padding::of(0));
    const auto trace = OperationTrace::conv(kPrimeInput, kPrimeKernel, {100.0f}, options);
    const float without_bias = conv2d(kPrimeInput, kPrimeKernel, {}, options).at(0, 0, 0, 0);
    CHECK(trace.step(0).value == 379.0f);
    CHECK(cell_mistake(trace, 0, without_bias) == Mistake::BiasLeftOut);
}

TEST_CASE("the padding forgotten: the window laid on the unpadded input") {
    const Tensor input = plane(5, 5, kSeedInput), kernel = plane(3, 3, kSeedKernel);
    const auto padded =
        OperationTrace::conv(input, kernel, {}, Options2d::uniform(1, Padding::of(1)));
    const Tensor unpadded = conv2d(input, kernel, {}, Options2d::uniform(1, Padding::of(0)));
    // Output cell (1, 1) of the padded conv; without the padding the student computes the
    // unpadded conv's cell (1, 1) instead.
    const int step = padded.step_of(0, 0, 1, 1);
    REQUIRE(padded.step(step).value != unpadded.at(0, 0, 1, 1));
    CHECK(cell_mistake(padded, step, unpadded.at(0, 0, 1, 1)) == Mistake::PaddingForgotten);
}

TEST_CASE("the kernel flipped: a convolution in the mathematical sense") {
    const Options2d options = Options2d::uniform(1, Padding::of(0));
    const Tensor flipped = plane(2, 2, {19, 17, 13, 11});
    const auto trace = OperationTrace::conv(kPrimeInput, kPrimeKernel, {}, options);
    CHECK(cell_mistake(trace, 0, conv2d(kPrimeInput, flipped, {}, options).at(0, 0, 0, 0)) ==
          Mistake::KernelFlipped);
}

TEST_CASE("two channels: one summed alone, or each met the other's kernel slice") {
    const Tensor input({1, 2, 1, 2}, {2, 3, 5, 7});
    const Tensor kernel({1, 2, 1, 2}, {11, 13, 17, 19});
    const Options2d options = Options2d::uniform(1, Padding::of(0));
    const auto trace = OperationTrace::conv(input, kernel, {}, options);
    const Diagnosis only = diagnose_cell(trace, 0, 5 * 17 + 7 * 19);
    CHECK(only.mistake == Mistake::OneChannelOnly);
    CHECK(only.channel == 1);
    const Tensor swapped({1, 2, 1, 2}, {17, 19, 11, 13});
    CHECK(cell_mistake(trace, 0, conv2d(input, swapped, {}, options).at(0, 0, 0, 0)) ==
          Mistake::WrongChannelPaired);
}

TEST_CASE("pooling: not the maximum, the mean for the max, the max or the sum for the mean") {
    const Tensor window = plane(2, 2, {1, 5, 3, 2});
    const Options2d options = pool_options(2, 2);
    const auto max_trace = OperationTrace::pool(TracedOp::MaxPool, window, 2, 2, options);
    CHECK(diagnose_cell(max_trace, 0, 5.0f).right());
    CHECK(cell_mistake(max_trace, 0, 3.0f) == Mistake::NotTheMaximum);
    CHECK(cell_mistake(max_trace, 0, 2.75f) == Mistake::MeanNotMax);
    const auto mean_trace = OperationTrace::pool(TracedOp::AveragePool, window, 2, 2, options);
    CHECK(diagnose_cell(mean_trace, 0, 2.75f).right());
    CHECK(cell_mistake(mean_trace, 0, 5.0f) == Mistake::MaxNotMean);
    CHECK(cell_mistake(mean_trace, 0, 11.0f) == Mistake::SumNotMean);
}

namespace {

AxisGeometry axis(OpKind kind, int input, int kernel, int stride, int padding, int dilation = 1,
                  int output_padding = 0) {
    AxisParams p;
    p.input = input;
    p.kernel = kernel;
    p.stride = stride;
    p.dilation = dilation;
    p.padding = Padding::of(padding);
    p.output_padding = output_padding;
    return resolve_axis(kind, p);
}

Mistake size_mistake(OpKind kind, const AxisGeometry& a, int answer) {
    return diagnose_output_size(kind, a, answer).mistake;
}

}  // namespace

TEST_CASE("output sizes: each slip of the formula") {
    const OpKind conv = OpKind::Conv;
    const AxisGeometry strided = axis(conv, 6, 3, 2, 1);  // floor(5/2)+1 = 3
    REQUIRE(strided.output == 3);
    CHECK(diagnose_output_size(conv, strided, 3).right());
    CHECK(size_mistake(conv, strided, 4) == Mistake::CeilNotFloor);  // ceil(5/2)+1
    CHECK(size_mistake(conv, axis(conv, 7, 3, 1, 2), 5) == Mistake::PaddingForgotten);
    CHECK(size_mistake(conv, axis(conv, 7, 3, 1, 2), 7) == Mistake::PaddingOneSide);
    CHECK(size_mistake(conv, axis(conv, 6, 3, 1, 0), 3) == Mistake::PlusOneForgotten);
    CHECK(size_mistake(conv, axis(conv, 7, 3, 1, 0, 2), 5) == Mistake::DilationIgnored);
    CHECK(size_mistake(conv, axis(conv, 7, 3, 2, 0), 5) == Mistake::StrideIgnored);
    CHECK(size_mistake(conv, strided, 40) == Mistake::Unknown);
}

TEST_CASE("transposed output sizes: each slip of s(i-1) + a + k_eff - 2p") {
    const OpKind t = OpKind::TransposedConv;
    const AxisGeometry a = axis(t, 3, 3, 2, 1, 1, 1);  // 2*2 + 1 + 3 - 2 = 6
    REQUIRE(a.output == 6);
    CHECK(size_mistake(t, a, 2) == Mistake::ConvFormulaUsed);
    CHECK(size_mistake(t, a, 8) == Mistake::PaddingForgotten);
    CHECK(size_mistake(t, a, 10) == Mistake::PaddingAddedNotRemoved);
    CHECK(size_mistake(t, a, 5) == Mistake::OutputPaddingForgotten);
    CHECK(size_mistake(t, a, 4) == Mistake::StrideIgnored);
    CHECK(size_mistake(t, axis(t, 3, 3, 1, 0, 2), 5) == Mistake::DilationIgnored);
}

TEST_CASE("a window's cells: stride, dilation or padding ignored, cells missing or extra") {
    const ConvGeometry g =
        resolve_geometry(OpKind::Conv, 5, 5, 3, 3, Options2d::uniform(2, Padding::of(1)));
    const InputCells right = window_cells(g, 1, 1);  // rows and columns 1..3
    CHECK(right.size() == 9);
    CHECK(right.count({1, 1}) == 1);
    CHECK(right.count({3, 3}) == 1);
    CHECK(diagnose_window(g, 1, 1, right).right());
    InputCells no_stride, no_padding;
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x) {
            no_stride.insert({y, x});           // 1*1 - 1 + k
            no_padding.insert({2 + y, 2 + x});  // 1*2 + k
        }
    CHECK(diagnose_window(g, 1, 1, no_stride).mistake == Mistake::StrideIgnored);
    CHECK(diagnose_window(g, 1, 1, no_padding).mistake == Mistake::PaddingForgotten);
    InputCells fewer = right;
    fewer.erase({2, 2});
    const Diagnosis missing = diagnose_window(g, 1, 1, fewer);
    CHECK(missing.mistake == Mistake::CellsMissing);
    CHECK(missing.message.english() == "Cells of the window not chosen: 1.");
    InputCells more = right;
    more.insert({4, 4});
    CHECK(diagnose_window(g, 1, 1, more).mistake == Mistake::CellsExtra);

    const ConvGeometry dilated =
        resolve_geometry(OpKind::Conv, 7, 7, 3, 3, Options2d::uniform(1, Padding::of(0), 2));
    InputCells contiguous;
    for (int y = 1; y <= 3; ++y)
        for (int x = 1; x <= 3; ++x) contiguous.insert({y, x});
    CHECK(diagnose_window(dilated, 1, 1, contiguous).mistake == Mistake::DilationIgnored);
}

TEST_CASE("new exercises are valid, reproducible and as hard as asked") {
    bool hard_had_channels = false, medium_had_pooling = false;
    for (std::uint32_t seed = 1; seed <= 60; ++seed) {
        const PlaygroundSetup easy = random_exercise(Difficulty::Easy, seed);
        CHECK(easy.op == TracedOp::Conv);
        CHECK(easy.channels == 1);
        CHECK(easy.options.h.stride == 1);
        const PlaygroundSetup medium = random_exercise(Difficulty::Medium, seed);
        medium_had_pooling = medium_had_pooling || is_pooling(medium.op);
        const PlaygroundSetup hard = random_exercise(Difficulty::Hard, seed);
        hard_had_channels = hard_had_channels || hard.channels > 1;
        for (const PlaygroundSetup& s : {easy, medium, hard}) CHECK_NOTHROW(build_playground(s));
        // Every step of the drawn exercise: its own value is right.
        const Playground p = build_playground(hard);
        for (int t = 0; t < p.trace.step_count(); ++t)
            CHECK(diagnose_cell(p.trace, t, p.trace.step(t).value).right());
    }
    CHECK(medium_had_pooling);
    CHECK(hard_had_channels);
    const PlaygroundSetup a = random_exercise(Difficulty::Hard, 7);
    const PlaygroundSetup b = random_exercise(Difficulty::Hard, 7);
    CHECK(build_playground(a).output.values() == build_playground(b).output.values());
}

TEST_CASE("the score counts right answers and the best streak") {
    QuizScore score;
    for (bool r : {true, true, false, true, true, true, false}) score.record(r);
    CHECK(score.asked == 7);
    CHECK(score.right == 5);
    CHECK(score.streak == 0);
    CHECK(score.best_streak == 3);
}
