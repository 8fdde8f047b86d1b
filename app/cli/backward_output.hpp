// `--backward` for conv and pool: the gradients of an upstream dL/dY through the
// operation, from core's backward trace.
#pragma once

#include <optional>
#include <string>

#include "app/cli/argument_parser.hpp"
#include "core/lessons/backward_trace.hpp"

namespace convscope {

// The option specs --backward adds: --backward, --grad-output.
std::vector<OptionSpec> backward_option_specs();

// --grad-output's tensor (JSON or .npy), checked against `shown_output` (the forward
// output as the CLI prints it) and returned as rank 4; all ones when absent, as
// out.sum().backward(). Throws InputError naming the expected shape; refuses
// --grad-output without --backward.
std::optional<Tensor> backward_grad_output(const ParsedArguments& args, const Tensor& shown_output);

// Prints grad_input (in the input's rank), and for a conv grad_weight (in the kernel's
// rank) and grad_bias. JSON: {"grad_input": ..., "grad_weight": ..., "grad_bias": [...]};
// with `steps`, "steps": one per gradient cell. Otherwise readable grids, and with
// `steps` one line of arithmetic per cell.
void print_backward_result(const BackwardTrace& trace, int input_rank,
                           const std::vector<int>& kernel_shape, bool json, bool steps);

}  // namespace convscope
