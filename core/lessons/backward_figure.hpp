// The backward lessons' figure: the playground's operation run backwards for an
// upstream gradient dL/dY of small seeded integers, stepped cell by cell (dL/dW, then
// dL/db, then dL/dX) by core's backward trace. The timeline steps through its steps
// instead of the forward ones.
#pragma once

#include "core/lessons/backward_trace.hpp"
#include "core/lessons/playground.hpp"

namespace convscope {

struct BackwardFigure {
    BackwardTrace trace;
    // The trace's totals, computed once so a frame only reads them.
    Tensor grad_input;             // (N,C,H,W)
    Tensor grad_weight;            // (F,C,KH,KW); empty for pooling
    std::vector<float> grad_bias;  // F values; empty without a bias
};

// For a conv, max-pool or average-pool playground (not a transposed conv). dL/dY is
// drawn from the playground's seed, so a new seed gives new gradients too.
BackwardFigure build_backward_figure(const Playground& playground);

// The same with the student's own dL/dY, shaped as the forward output (else InputError).
BackwardFigure build_backward_figure(const Playground& playground, const Tensor& grad_output);

// The seeded dL/dY the figure uses when none is given.
Tensor default_grad_output(const Playground& playground);

}  // namespace convscope
