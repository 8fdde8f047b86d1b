#include "core/lessons/backward_figure.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

Tensor default_grad_output(const Playground& playground) {
    // Offset from the seed that drew the input, so dL/dY is not a copy of its values.
    return seeded_grad_output(playground.trace, playground.setup.seed * 2654435761u + 97u);
}

BackwardFigure build_backward_figure(const Playground& playground) {
    return build_backward_figure(playground, default_grad_output(playground));
}

BackwardFigure build_backward_figure(const Playground& playground, const Tensor& grad_output) {
    const TracedOp op = playground.trace.op();
    CS_CHECK(op != TracedOp::TransposedConv);
    const PlaygroundSetup& s = playground.setup;
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
