#include "core/lessons/lessons_backward.hpp"

#include "core/lessons/lesson_parts.hpp"

namespace convscope {

namespace {

// The chapter's 2.2 and 3 examples, so the forward numbers are ones the student knows.
const std::vector<float> kChapterInput = {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2,
                                          2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1};
const std::vector<float> kChapterKernel = {0, 1, 2, 2, 2, 0, 0, 1, 2};
const std::vector<float> kChapterPoolInput = {1, 2, 1, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 4, 0, 1};

// Beyond the chapter (section B): how these layers learn.
Lesson backward_lesson(std::string id, std::string title, std::string explanation,
                       std::string expected, PlaygroundSetup setup) {
    return make_lesson(std::move(id), "B", std::move(title), std::move(explanation),
                       std::move(expected), std::move(setup), LessonView::Backward);
}

}  // namespace

std::vector<Lesson> backward_lessons() {
    PlaygroundSetup conv;
    conv.input_values = kChapterInput;
    conv.kernel_values = kChapterKernel;
    conv.has_bias = true;
    conv.bias_values = {3};

    PlaygroundSetup pool;
    pool.op = TracedOp::MaxPool;
    pool.input_h = pool.input_w = 4;
    pool.kernel_h = pool.kernel_w = 2;
    pool.options = Options2d::uniform(2, Padding::of(0));
    pool.input_values = kChapterPoolInput;

    return {
        backward_lesson(
            "backward", "Backward: convolution",
            "Backpropagation sends the gradient of the loss, dL/dY, back through the "
            "convolution. Each weight's gradient dL/dW sums input x dL/dY over every window "
            "that used the weight, and dL/db sums dL/dY; each input cell's gradient dL/dX "
            "collects dL/dY x weight from every output that read the cell.",
            "5x5 input, 3x3 kernel: dL/dW is the input correlated with dL/dY, 9 products per "
            "weight; dL/dX is dL/dY fully convolved with the flipped kernel, 1 product at a "
            "corner, 9 at the centre.",
            conv),
        backward_lesson(
            "backward-pool", "Backward: pooling",
            "Pooling has no weights, so only dL/dX flows back. Max pooling routes each "
            "dL/dY to the cell that won its window (the first maximum on a tie) and gives "
            "the other cells 0; average pooling spreads it evenly, 1/(kh x kw) to each "
            "cell of the window.",
            "4x4 input, 2x2 window, stride 2: the 4 gradients go to the 4 window maxima, the "
            "other 12 cells get 0.",
            pool),
    };
}

}  // namespace convscope
