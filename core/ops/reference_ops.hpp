// Reference operations: plain loops, written to be read, exact on small integers.
// They define what the fast layers must compute and stay as test oracles.
// Layout NCHW, cross-correlation, PyTorch's semantics and names.
#pragma once

#include <vector>

#include "core/ops/conv_geometry.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

// input (N,C,H,W), weight (F,C,KH,KW), bias empty or F values -> (N,F,OH,OW)
Tensor conv2d(const Tensor& input, const Tensor& weight, const std::vector<float>& bias,
              const Options2d& options);

// input (N,C,H,W), weight (C,F,KH,KW) as ConvTranspose2d's, bias empty or F values
// -> (N,F,OH,OW) with OH = s(H-1) + a + k_eff - 2p
Tensor conv_transpose2d(const Tensor& input, const Tensor& weight, const std::vector<float>& bias,
                        const Options2d& options);

// input (N,C,H,W) -> (N,C,OH,OW); padded cells never win (PyTorch pads with -inf).
Tensor max_pool2d(const Tensor& input, int window_h, int window_w, const Options2d& options);

// input (N,C,H,W) -> (N,C,OH,OW); padded cells count as zeros in the mean
// (PyTorch's count_include_pad=True). Dilation must be 1.
Tensor avg_pool2d(const Tensor& input, int window_h, int window_w, const Options2d& options);

}  // namespace convscope
