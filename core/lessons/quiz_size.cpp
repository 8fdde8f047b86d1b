// Diagnosing a wrong output size: the formula recomputed with each slip a student makes.
// A slip that gives the right size is skipped, since it cannot explain a wrong answer.
#include "core/lessons/quiz_size.hpp"

#include <vector>

namespace convscope {

namespace {

struct Slip {
    Mistake mistake;
    int size;
    Message message;
};

int floor_div(int a, int b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}
int ceil_div(int a, int b) {
    return -floor_div(-a, b);
}

std::vector<Slip> forward_slips(const AxisGeometry& a) {
    const int pads = a.pad_before + a.pad_after;
    const int span = a.input + pads - a.effective_kernel();
    std::vector<Slip> slips = {
        {Mistake::CeilNotFloor, ceil_div(span, a.stride) + 1,
         Message("Round down: a window that would stick out past the padded input is not taken "
                 "(floor, not ceil).")},
        {Mistake::PaddingForgotten, floor_div(a.input - a.effective_kernel(), a.stride) + 1,
         Message("The padding is left out: add it to both sides of the input first.")},
        {Mistake::PaddingOneSide,
         floor_div(a.input + a.pad_before - a.effective_kernel(), a.stride) + 1,
         Message("The padding counts on both sides of the input: i + 2p.")},
        {Mistake::DilationIgnored, floor_div(a.input + pads - a.kernel, a.stride) + 1,
         Message("With dilation the kernel spans k_eff = (k - 1)d + 1 cells, not k.")},
        {Mistake::StrideIgnored, span + 1,
         Message("The window moves by the stride: divide by s before adding 1.")},
        {Mistake::PlusOneForgotten, floor_div(span, a.stride),
         Message("Add 1 for the window's first position.")},
    };
    return slips;
}

std::vector<Slip> transposed_slips(const AxisGeometry& a) {
    const int p = a.pad_before;
    const int k_eff = a.effective_kernel();
    return {
        {Mistake::ConvFormulaUsed, floor_div(a.input + 2 * p - k_eff, a.stride) + 1,
         Message("That is the forward convolution's size; a transposed one grows: "
                 "o = s(i - 1) + a + k_eff - 2p.")},
        {Mistake::PaddingForgotten, a.stride * (a.input - 1) + a.output_padding + k_eff,
         Message("The padding is left out: a transposed convolution removes 2p cells.")},
        {Mistake::PaddingAddedNotRemoved,
         a.stride * (a.input - 1) + a.output_padding + k_eff + 2 * p,
         Message("Padding shrinks a transposed convolution's output: subtract 2p.")},
        {Mistake::OutputPaddingForgotten, a.stride * (a.input - 1) + k_eff - 2 * p,
         Message("The output padding a adds cells after the last one: + a.")},
        {Mistake::DilationIgnored, a.stride * (a.input - 1) + a.output_padding + a.kernel - 2 * p,
         Message("With dilation the kernel spans k_eff = (k - 1)d + 1 cells, not k.")},
        {Mistake::StrideIgnored, a.input - 1 + a.output_padding + k_eff - 2 * p,
         Message("The stride spreads the input: s(i - 1), not i - 1.")},
    };
}

}  // namespace

Diagnosis diagnose_output_size(OpKind kind, const AxisGeometry& axis, int answer) {
    if (answer == axis.output) return {Mistake::None, Message("Right.")};
    const std::vector<Slip> slips =
        kind == OpKind::TransposedConv ? transposed_slips(axis) : forward_slips(axis);
    for (const Slip& slip : slips)
        if (slip.size != axis.output && slip.size == answer) return {slip.mistake, slip.message};
    return {Mistake::Unknown,
            Message("Not quite: the output has {size} cells. Follow the formula below.",
                    {{"size", axis.output}})};
}

}  // namespace convscope
