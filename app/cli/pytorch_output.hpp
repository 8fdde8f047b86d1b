// `--pytorch` for conv and pool: print the PyTorch lines core writes for the operation
// instead of its result.
#pragma once

#include "app/cli/argument_parser.hpp"
#include "core/lessons/pytorch_code.hpp"

namespace convscope {

// The option spec --pytorch adds.
OptionSpec pytorch_option_spec();

// When --pytorch is given: refuses the options it cannot go with (--trace, --npy),
// prints the code (the autograd code when the request has a dL/dY, as --backward gives;
// ending with a JSON print under --json) and returns true. Otherwise returns false and
// prints nothing.
bool print_pytorch_code(const ParsedArguments& args, PytorchRequest request);

}  // namespace convscope
