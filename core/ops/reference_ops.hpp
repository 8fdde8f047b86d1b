// Reference operations: plain loops, written to be read, exact on small integers.
// They define what the fast layers must compute and stay as test oracles.
// Layout NCHW, cross-correlation, PyTorch's semantics and names.
#pragma once

#include <vector>

#include "core/ops/conv_geometry.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

// input (N,C,H,W), weight (F,C/G,KH,KW), bias empty or F values -> (N,F,OH,OW).
// Grouped as PyTorch's `groups` G (dividing C and F): filter f reads the C/G input
// channels of group g = f / (F/G), channels g*C/G to (g+1)*C/G - 1. G = C is depthwise.
Tensor conv2d(const Tensor& input, const Tensor& weight, const std::vector<float>& bias,
              const Options2d& options, int groups = 1);

// As torch.nn.functional.conv1d: input (N,C,L), weight (F,C/G,K) -> (N,F,OL). It is
// conv2d with H = KH = 1 and a plain H axis, so 1-D shares every rule of 2-D.
Tensor conv1d(const Tensor& input, const Tensor& weight, const std::vector<float>& bias,
              const AxisOptions& options, int groups = 1);

// The 2-D options of a 1-D convolution: `length` on W, the H axis unpadded, unstrided.
Options2d options_1d(const AxisOptions& length);

// Throws InputError unless 1 <= groups and groups divides `channels` and `filters`;
// the message names the setting and the values that would do.
void require_groups(int groups, int channels, int filters);

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
