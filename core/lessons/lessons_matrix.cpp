#include "core/lessons/lessons_matrix.hpp"

#include "core/lessons/lesson_parts.hpp"

namespace convscope {

namespace {

// The chapter's 2.2 example (the same numbers as lessons.cpp's conv-basic).
const std::vector<float> kSeedInput = {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2,
                                       2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1};
const std::vector<float> kSeedKernel = {0, 1, 2, 2, 2, 0, 0, 1, 2};

PlaygroundSetup seed_conv(int padding) {
    PlaygroundSetup s;
    s.options = Options2d::uniform(1, Padding::of(padding));
    s.input_values = kSeedInput;
    s.kernel_values = kSeedKernel;
    return s;
}

}  // namespace

std::vector<Lesson> matrix_lessons() {
    PlaygroundSetup transposed;
    transposed.op = TracedOp::TransposedConv;
    transposed.input_h = transposed.input_w = 2;
    transposed.options = Options2d::uniform(2, Padding::of(0));
    return {
        make_lesson(
            "transposed-direct", "A", "Transposed as direct conv",
            "The same transposed convolution as a plain one: put s - 1 zeros between "
            "neighbouring input cells, pad k_eff - p - 1 cells on each side (plus the output "
            "padding a after the last cell), turn the kernel 180°, then slide it with stride 1. "
            "Every output cell is now one window's sum, equal to the scatter view's.",
            "Input 2x2, k=3, s=2, p=0: the zeros make it 3x3, padding 2 makes it 7x7, and the "
            "turned 3x3 kernel gives the 5x5 output.",
            transposed, LessonView::TransposedDirect),
        make_lesson(
            "im2col", "B", "im2col: a matrix product",
            "How convolution layers really compute: each window's C×KH×KW input cells become one "
            "column of a matrix (padding cells as zeros), and each filter's weights one row of "
            "another. One matrix product then gives every output: filter row f times column q is "
            "output cell q of map f.",
            "5x5 input, 3x3 kernel, p=1: a 9x25 matrix of columns, one per output cell, times "
            "the 1x9 filter row gives the 25 cells of the 5x5 output.",
            seed_conv(1), LessonView::Im2col),
        make_lesson(
            "correlation-vs-convolution", "B", "Cross-correlation",
            "The chapter's formula S(i,j) = Σm Σn I(i+m, j+n) K(m,n) slides the kernel as it is: "
            "this is cross-correlation, and it is what PyTorch's conv2d computes. The "
            "mathematical convolution S(i,j) = Σm Σn I(i−m, j−n) K(m,n) turns the kernel 180° "
            "first; the two agree when the kernel equals its own 180° turn.",
            "Cross-correlation of the 2.2 example gives [[12,12,17],[10,17,19],[9,6,14]]; "
            "with the kernel turned 180° the output changes.",
            seed_conv(0), LessonView::CorrelationConvolution),
    };
}

}  // namespace convscope
