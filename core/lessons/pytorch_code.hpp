// The PyTorch lines that compute what a lesson computes, with its current tensors: the
// student copies them into Python and sees the same numbers. One function serves the
// window's PyTorch panel and `convscope conv|pool --pytorch`.
#pragma once

#include <string>
#include <vector>

#include "core/lessons/lesson_figures.hpp"
#include "core/lessons/playground.hpp"

namespace convscope {

// One operation with its tensors, as core computes it.
struct PytorchRequest {
    TracedOp op = TracedOp::Conv;
    Tensor input;             // (N,C,H,W); H = 1 when one_d
    Tensor kernel;            // rank 4 in kernel_layout(op)'s order; empty for pooling
    std::vector<float> bias;  // FN values or empty
    ConvGeometry geometry;    // resolved padding, stride, dilation, output padding, window
    int groups = 1;
    bool one_d = false;  // conv1d / max_pool1d ...: tensors lose their H axis
    // dL/dY (N,F,OH,OW) for the backward code: x, w and b require grad, y.backward(dY)
    // and the code prints their .grad; empty for the forward code.
    Tensor grad_output;
    // End with `print(json.dumps(y.tolist()))` instead of `print(y)` (backward: a dict
    // of grad_input, grad_weight, grad_bias), for tests that compare with core's numbers.
    bool json_output = false;

    bool backward() const { return grad_output.size() > 0; }
};

// "import torch ... print(y)": tensor literals with every value exact, then the call.
// Padding PyTorch cannot take as an argument (one side larger than the other) becomes
// F.pad or padding='same', so the result equals core's in every case.
std::string pytorch_code(const PytorchRequest& request);

// The playground's operation and tensors as a request.
PytorchRequest pytorch_request(const Playground& playground);

// The lesson view's request: a backward figure adds its dL/dY (the autograd code),
// any other figure leaves the forward one.
PytorchRequest pytorch_request(const Playground& playground, const LessonFigure& figure);

// A float as Python writes a literal that parses back to the same float32: "3.",
// "-0.5", "1e-08", "float('inf')".
std::string python_float(float value);

}  // namespace convscope
