// Every lesson's preset and text, in the chapter's order. Sections of this file:
//   1. setup helpers   2. the chapter (2.2 to 3)   3. conv_arithmetic (conv, transposed)
#include "core/lessons/lessons.hpp"

#include "core/lessons/lesson_parts.hpp"
#include "core/lessons/lessons_backward.hpp"
#include "core/lessons/lessons_channels.hpp"
#include "core/lessons/lessons_matrix.hpp"

namespace convscope {

namespace {

// ---- 1. setup helpers ---------------------------------------------------------------

const std::vector<float> kSeedInput = {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2,
                                       2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1};
const std::vector<float> kSeedKernel = {0, 1, 2, 2, 2, 0, 0, 1, 2};
// The padding figure of the chapter (from "Deep Learning from Scratch").
const std::vector<float> kPaddingInput = {1, 2, 3, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1};
const std::vector<float> kPaddingKernel = {2, 0, 1, 0, 1, 2, 1, 0, 2};
const std::vector<float> kPoolInput = {1, 2, 1, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 4, 0, 1};

PlaygroundSetup conv(int input, int kernel, int stride, Padding padding, int dilation = 1) {
    PlaygroundSetup s;
    s.input_h = s.input_w = input;
    s.kernel_h = s.kernel_w = kernel;
    s.options = Options2d::uniform(stride, padding, dilation);
    return s;
}

PlaygroundSetup transposed(int input, int kernel, int stride, int padding, int output_padding = 0) {
    PlaygroundSetup s = conv(input, kernel, stride, Padding::of(padding));
    s.op = TracedOp::TransposedConv;
    s.options.h.output_padding = s.options.w.output_padding = output_padding;
    return s;
}

PlaygroundSetup pool(TracedOp op, int input, int window, int stride) {
    PlaygroundSetup s = conv(input, window, stride, Padding::of(0));
    s.op = op;
    return s;
}

PlaygroundSetup with_values(PlaygroundSetup s, std::vector<float> input,
                            std::vector<float> kernel) {
    s.input_values = std::move(input);
    s.kernel_values = std::move(kernel);
    return s;
}

PlaygroundSetup with_shape(PlaygroundSetup s, int batch, int channels, int filters, bool bias) {
    s.batch = batch;
    s.channels = channels;
    s.filters = filters;
    s.has_bias = bias;
    return s;
}

// make_lesson (lesson_parts.hpp) under the short name the lists below use.
Lesson lesson(std::string id, std::string section, std::string title, std::string explanation,
              std::string expected, PlaygroundSetup setup, LessonView view = LessonView::Steps,
              std::string erratum = "") {
    return make_lesson(std::move(id), std::move(section), std::move(title), std::move(explanation),
                       std::move(expected), std::move(setup), view, std::move(erratum));
}

std::vector<Lesson> make_lessons() {
    std::vector<Lesson> all;
    // ---- 2. the chapter ---------------------------------------------------------------
    all.push_back(lesson(
        "conv-basic", "2.2", "Convolution",
        "The kernel slides over the input. At each position every kernel cell is multiplied "
        "by the input cell under it and the products are summed into one output cell "
        "(a multiply-accumulate). Output size: o = i - k + 1.",
        "5x5 input, kernel [[0,1,2],[2,2,0],[0,1,2]]: output [[12,12,17],[10,17,19],[9,6,14]].",
        with_values(conv(5, 3, 1, Padding::of(0)), kSeedInput, kSeedKernel)));
    {
        PlaygroundSetup s = with_values(conv(5, 3, 1, Padding::of(0)), kSeedInput, kSeedKernel);
        s.has_bias = true;
        s.bias_values = {3};
        all.push_back(lesson("conv-bias", "2.2", "Bias",
                             "A convolution layer has a bias as well as its kernel weights: one "
                             "number per filter, added to every output cell of that filter.",
                             "The same example with bias 3: every output grows by 3.", s));
    }
    all.push_back(
        lesson("padding", "2.3", "Padding",
               "Padding surrounds the input with zeros before the kernel slides. A (4,4) input "
               "padded by 1 becomes (6,6), and a 3x3 kernel then gives a (4,4) output: "
               "o = i + 2p - k + 1.",
               "i=4, k=3, p=1: output 4x4, [[7,12,10,2],[4,15,16,10],[10,6,15,6],[8,10,4,3]].",
               with_values(conv(4, 3, 1, Padding::of(1)), kPaddingInput, kPaddingKernel)));
    all.push_back(lesson("padding-arbitrary", "2.3", "Arbitrary padding",
                         "Any padding is allowed: here more than the kernel needs, so the output "
                         "is larger than the input.",
                         "i=5, k=4, p=2: o = 5 + 4 - 4 + 1 = 6.", conv(5, 4, 1, Padding::of(2))));
    all.push_back(lesson("same", "2.3", "Same padding",
                         "With an odd kernel k = 2n+1 and p = n the output keeps the input's size, "
                         "so layers can be stacked freely. Border cells are read by fewer windows "
                         "than central ones: the heatmap counts the reads.",
                         "i=5, k=3, p=1: o = 5. Corners are read 4 times, the centre 9 times.",
                         conv(5, 3, 1, Padding::parse("same")), LessonView::VisitCounts));
    all.push_back(lesson("full", "2.3", "Full padding",
                         "Full padding (p = k - 1) starts where kernel and input first overlap, "
                         "so every input cell is read exactly k times along each axis.",
                         "i=5, k=3, p=2: o = i + k - 1 = 7; every cell is read 3 x 3 = 9 times.",
                         conv(5, 3, 1, Padding::parse("full")), LessonView::VisitCounts,
                         "The chapter gives o = 6 for this example; i + k - 1 = 5 + 3 - 1 = 7."));
    all.push_back(lesson("stride", "2.4", "Stride",
                         "The stride is the step between windows. With stride 2 every other "
                         "position is skipped: o = floor((i + 2p - k) / s) + 1. The floor means "
                         "any setting is valid; leftover cells are simply not reached.",
                         "i=5, k=3, s=2, p=1: o = floor((5 + 2 - 3) / 2) + 1 = 3.",
                         conv(5, 3, 2, Padding::of(1))));
    all.push_back(lesson(
        "channels", "2.5", "Three channels",
        "A (C,H,W) input needs a kernel with the same C. Each channel is convolved with its own "
        "kernel slice and the per-channel sums are added into one output cell.",
        "Input (3,5,5), kernel (3,3,3), no padding, stride 1: output (1,3,3).",
        with_shape(conv(5, 3, 1, Padding::of(0)), 1, 3, 1, false), LessonView::Steps,
        "The chapter gives (2,2) for this example; 5 - 3 + 1 = 3, so the output is (1,3,3)."));
    all.push_back(lesson("filters-bias", "2.5", "Filters and bias",
                         "FN filters give FN output maps: the output is (FN,OH,OW). The bias has "
                         "shape (FN,1,1): one value per filter, added to all of its map.",
                         "Input (3,5,5), two (3,3,3) filters with a bias each: output (2,3,3).",
                         with_shape(conv(5, 3, 1, Padding::of(0)), 1, 3, 2, true)));
    all.push_back(lesson("batch", "2.6", "Batch",
                         "A mini-batch is a 4-D array (N,C,H,W). The same filters run over every "
                         "item, giving (N,FN,OH,OW).",
                         "Input (2,3,4,4), two (3,3,3) filters: output (2,2,2,2).",
                         with_shape(conv(4, 3, 1, Padding::of(0)), 2, 3, 2, true)));
    all.push_back(
        lesson("sparse", "2.7.1", "Sparse connectivity",
               "Written as a matrix, a convolution connects each output to only k inputs: "
               "most entries are zero. A fully connected layer uses all m x n.",
               "i=5, k=3: 9 outputs, each reading 9 of 25 inputs; k x n = 81 connections "
               "against m x n = 225.",
               conv(5, 3, 1, Padding::of(0)), LessonView::Sparse));
    all.push_back(lesson("receptive-field", "2.7.1", "Receptive field",
                         "A unit in a deeper layer reads a few units below, each of which reads a "
                         "few more: its receptive field grows with depth.",
                         "Two 3x3 convolutions: a unit in the second layer sees 5x5 inputs.",
                         conv(7, 3, 1, Padding::of(0)), LessonView::ReceptiveField));
    all.push_back(lesson("sharing", "2.7.2", "Parameter sharing",
                         "Every kernel weight is used at every window position: one set of k "
                         "weights serves the whole input. Click a weight to light each place it "
                         "is used.",
                         "i=5, k=3: 9 weights, each used 9 times.",
                         with_values(conv(5, 3, 1, Padding::of(0)), kSeedInput, kSeedKernel),
                         LessonView::Sharing));
    all.push_back(lesson("equivariance", "2.7.3", "Translation equivariance",
                         "Shift the input and the output shifts the same way: conv(shift(x)) = "
                         "shift(conv(x)), away from the borders.",
                         "Shift right by one: the two results agree except at the border.",
                         conv(6, 3, 1, Padding::of(0)), LessonView::Equivariance));
    all.push_back(lesson("max-pool", "3", "Max pooling",
                         "Pooling takes the maximum of each window. It has no parameters to learn "
                         "and keeps the number of channels. The window is usually as large as "
                         "the stride.",
                         "4x4 input, 2x2 window, stride 2: output [[2,3],[4,2]].",
                         with_values(pool(TracedOp::MaxPool, 4, 2, 2), kPoolInput, {})));
    all.push_back(lesson("avg-pool", "3", "Average pooling",
                         "Average pooling takes the mean of each window instead of the maximum.",
                         "4x4 input, 2x2 window, stride 2: output [[1,1.5],[2.25,1]].",
                         with_values(pool(TracedOp::AveragePool, 4, 2, 2), kPoolInput, {})));
    all.push_back(lesson("pool-robust", "3", "Robust to small shifts",
                         "Move the input by one pixel: many max-pool outputs stay the same, "
                         "because the maximum often stays inside its window.",
                         "Marked cells keep their value after the shift.",
                         pool(TracedOp::MaxPool, 6, 2, 2), LessonView::PoolRobustness));
    all.push_back(lesson("dilated", "A", "Dilated convolution",
                         "Dilation d spreads the kernel cells d apart, widening the view without "
                         "more weights: k_eff = (k - 1)d + 1.",
                         "i=7, k=3, d=2: k_eff = 5, o = 7 - 5 + 1 = 3.",
                         conv(7, 3, 1, Padding::of(0), 2)));
    all.push_back(lesson("transposed", "A", "Transposed convolution",
                         "A transposed convolution runs the other way: each input cell scatters "
                         "the kernel, scaled by its value, onto the larger output. "
                         "o = s(i - 1) + a + k - 2p.",
                         "Input 2x2, k=3, s=2: output 5x5.", transposed(2, 3, 2, 0)));
    // Beyond the chapter: the transposed conv as a direct one sits beside the transposed
    // lesson; then section B in teaching order: the formula (correlation), how layers
    // compute it (im2col), more kinds of convolution, and how they learn (backward).
    std::vector<Lesson> matrix = matrix_lessons();
    for (Lesson& l : matrix)
        if (l.section != "B") all.push_back(l);
    for (const char* id : {"correlation-vs-convolution", "im2col"})
        for (Lesson& l : matrix)
            if (l.id == id) all.push_back(l);
    for (Lesson& l : channel_lessons()) all.push_back(std::move(l));  // 1-D, grouped
    for (Lesson& l : backward_lessons()) all.push_back(std::move(l));

    // ---- 3. conv_arithmetic: every animation of the guide ------------------------------
    struct ArithmeticCase {
        const char* id;
        const char* title;
        PlaygroundSetup setup;
    };
    const ArithmeticCase cases[] = {
        {"ca-no-padding-no-strides", "No padding, no strides", conv(4, 3, 1, Padding::of(0))},
        {"ca-arbitrary-padding", "Arbitrary padding, no strides", conv(5, 4, 1, Padding::of(2))},
        {"ca-same-padding", "Half (same) padding, no strides",
         conv(5, 3, 1, Padding::parse("same"))},
        {"ca-full-padding", "Full padding, no strides", conv(5, 3, 1, Padding::parse("full"))},
        {"ca-no-padding-strides", "No padding, strides", conv(5, 3, 2, Padding::of(0))},
        {"ca-padding-strides", "Padding, strides", conv(5, 3, 2, Padding::of(1))},
        {"ca-padding-strides-odd", "Padding, strides (odd)", conv(6, 3, 2, Padding::of(1))},
        {"ca-dilation", "Dilation", conv(7, 3, 1, Padding::of(0), 2)},
        {"ca-no-padding-no-strides-transposed", "Transposed: no padding, no strides",
         transposed(2, 3, 1, 0)},
        {"ca-arbitrary-padding-transposed", "Transposed: arbitrary padding",
         transposed(6, 4, 1, 2)},
        {"ca-same-padding-transposed", "Transposed: half (same) padding", transposed(5, 3, 1, 1)},
        {"ca-full-padding-transposed", "Transposed: full padding", transposed(7, 3, 1, 2)},
        {"ca-no-padding-strides-transposed", "Transposed: no padding, strides",
         transposed(2, 3, 2, 0)},
        {"ca-padding-strides-transposed", "Transposed: padding, strides", transposed(3, 3, 2, 1)},
        {"ca-padding-strides-odd-transposed", "Transposed: padding, strides (odd)",
         transposed(3, 3, 2, 1, 1)},
    };
    for (const ArithmeticCase& c : cases) {
        all.push_back(
            lesson(c.id, "A", c.title,
                   "From Dumoulin and Visin's guide to convolution arithmetic. A transposed "
                   "case undoes the shape of the convolution above it.",
                   "", c.setup));
    }
    return all;
}

}  // namespace

const std::vector<Lesson>& lessons() {
    static const std::vector<Lesson> all = make_lessons();
    return all;
}

const Lesson* find_lesson(const std::string& id) {
    for (const Lesson& l : lessons())
        if (l.id == id) return &l;
    return nullptr;
}

namespace {

const std::string kGuidePrefix = "ca-";  // the ids of the guide's cases above
const std::string kTransposedPrefix = "Transposed: ";

}  // namespace

LessonGroup lesson_group(const Lesson& lesson) {
    if (lesson.section == "B") return LessonGroup::Beyond;
    if (lesson.id.compare(0, kGuidePrefix.size(), kGuidePrefix) != 0) return LessonGroup::Chapter;
    return lesson.setup.op == TracedOp::TransposedConv ? LessonGroup::GuideTransposed
                                                       : LessonGroup::Guide;
}

std::string title_in_group(const Lesson& lesson) {
    const bool prefixed = lesson.title.compare(0, kTransposedPrefix.size(), kTransposedPrefix) == 0;
    if (lesson_group(lesson) != LessonGroup::GuideTransposed || !prefixed) return lesson.title;
    return lesson.title.substr(kTransposedPrefix.size());
}

}  // namespace convscope
