// The PyTorch lines that compute what a lesson computes, with its current tensors: the
// student copies them into Python and sees the same numbers. One function serves the
// window's PyTorch panel and `convscope conv|pool --pytorch`.
#pragma once

#include <string>
#include <vector>

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
    // End with `print(json.dumps(y.tolist()))` instead of `print(y)`, for tests that
    // compare the numbers with core's.
    bool json_output = false;
};

// "import torch ... print(y)": tensor literals with every value exact, then the call.
// Padding PyTorch cannot take as an argument (one side larger than the other) becomes
// F.pad or padding='same', so the result equals core's in every case.
std::string pytorch_code(const PytorchRequest& request);

// The playground's operation and tensors as a request.
PytorchRequest pytorch_request(const Playground& playground);

// A float as Python writes a literal that parses back to the same float32: "3.",
// "-0.5", "1e-08", "float('inf')".
std::string python_float(float value);

}  // namespace convscope
