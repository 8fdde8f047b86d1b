#include "core/lessons/backward_figure.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

BackwardFigure build_backward_figure(const Playground& playground) {
    const TracedOp op = playground.trace.op();
    CS_CHECK(op != TracedOp::TransposedConv);
    const PlaygroundSetup& s = playground.setup;
    // Offset from the seed that drew the input, so dL/dY is not a copy of its values.
    const Tensor grad_output = seeded_grad_output(playground.trace, s.seed * 2654435761u + 97u);
    BackwardFigure figure;
    if (op == TracedOp::Conv) {
        figure.trace = BackwardTrace::conv(playground.input, playground.kernel,
                                           !playground.bias.empty(), grad_output, s.options);
    } else {
        figure.trace = BackwardTrace::pool(op, playground.input, s.kernel_h, s.kernel_w,
                                           grad_output, s.options);
    }
    figure.grad_input = figure.trace.grad_input();
    figure.grad_weight = figure.trace.grad_weight();
    figure.grad_bias = figure.trace.grad_bias();
    return figure;
}

}  // namespace convscope
