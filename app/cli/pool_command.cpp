// `convscope pool`: max or average pooling of given values.
#include <cstdio>

#include "app/cli/backward_output.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/geometry_options.hpp"
#include "app/cli/pytorch_output.hpp"
#include "app/cli/tensor_io.hpp"
#include "app/cli/trace_output.hpp"
#include "core/formats/npy_file.hpp"
#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kPoolHelp = R"(usage: convscope pool --input JSON|FILE.npy -k K|HxW [options]

Max (default) or average pooling of values given as JSON nested arrays or a
NumPy .npy file: (H,W), (C,H,W) or (N,C,H,W). Every channel is pooled on its own; the output
has the input's rank. Pooling has no parameters to learn.

options:
      --input JSON|FILE.npy  input values (required)
  -k, --kernel K|HxW         window size (required)
  -s, --stride N|HxW         stride (default: the window)
  -p, --padding P            a number at most half the window (or PHxPW)
  -d, --dilation N|HxW       dilation (max pooling only; default 1)
      --avg                  average instead of max (padding counts as zeros)
      --trace                list every step: window and result
      --backward             print grad_input (dL/dX) instead: max routes each
                             dL/dY to its window's first maximum, average spreads
                             it by 1/(kh*kw); with --trace every cell's products
      --grad-output JSON|FILE.npy
                             dL/dY, the output's shape (default: all ones)
      --json                 print {"output": nested arrays} (with --trace, "steps";
                             with --backward, "grad_input")
      --npy OUT.npy          also write the output, as printed, to a NumPy file
      --pytorch              print the PyTorch code that computes the same output
                             (F.max_pool2d / F.avg_pool2d), not the output; with
                             --json the code prints y as JSON; with --backward
                             the autograd code that prints x.grad
  -h, --help                 this text

example:
  convscope pool --input '[[1,2,1,0],[0,1,2,3],[3,0,1,2],[2,4,0,1]]' -k 2
  convscope pool --input '[[1,2,1,0],[0,1,2,3],[3,0,1,2],[2,4,0,1]]' -k 2 \
                 --backward --grad-output '[[1,2],[3,4]]' --json
  convscope pool --input '[[1,2,1,0],[0,1,2,3],[3,0,1,2],[2,4,0,1]]' -k 2 --avg --pytorch
)";

}  // namespace

int run_pool_command(const Arguments& raw) {
    std::vector<OptionSpec> specs = geometry_option_specs();
    specs.insert(specs.end(), {{"input", "", true},
                               {"kernel", "k", true},
                               {"avg", "", false},
                               {"json", "", false},
                               {"npy", "", true},
                               {"trace", "", false},
                               {"help", "h", false},
                               pytorch_option_spec()});
    const std::vector<OptionSpec> backward_specs = backward_option_specs();
    specs.insert(specs.end(), backward_specs.begin(), backward_specs.end());
    const ParsedArguments args = parse_arguments(raw, specs);
    if (args.has("help")) {
        std::fputs(kPoolHelp, stdout);
        return 0;
    }
    const std::optional<std::string> npy_path = npy_output_option(args);
    const Tensor input = read_tensor_option(args.required("input"), "--input");
    if (input.rank() < 2) {
        throw InputError("--input must have rank 2 to 4, got shape " + shape_text(input.shape()));
    }
    const auto [window_h, window_w] =
        parse_int_pair(args.required("kernel"), "window size -k", -kMaxCliValue, kMaxCliValue);
    const Options2d options = parse_geometry_options(args, OpKind::Pool, window_h, window_w);
    const Tensor output = args.has("avg")
                              ? avg_pool2d(input.as_rank4(), window_h, window_w, options)
                              : max_pool2d(input.as_rank4(), window_h, window_w, options);
    PytorchRequest request;
    request.op = args.has("avg") ? TracedOp::AveragePool : TracedOp::MaxPool;
    request.input = input.as_rank4();
    request.geometry = geometry_of_input(OpKind::Pool, request.input, window_h, window_w, options);
    const Tensor shown = with_rank(output, input.rank());
    const std::optional<Tensor> grad_output = backward_grad_output(args, shown);
    if (grad_output) request.grad_output = *grad_output;
    if (print_pytorch_code(args, request)) return 0;
    if (grad_output) {
        if (npy_path) throw InputError("--npy writes the forward output: drop it with --backward");
        const TracedOp op = args.has("avg") ? TracedOp::AveragePool : TracedOp::MaxPool;
        print_backward_result(
            BackwardTrace::pool(op, input.as_rank4(), window_h, window_w, *grad_output, options),
            input.rank(), {}, args.has("json"), args.has("trace"));
        return 0;
    }
    if (npy_path) write_npy(*npy_path, shown);
    if (args.has("trace")) {
        const TracedOp op = args.has("avg") ? TracedOp::AveragePool : TracedOp::MaxPool;
        print_traced_result(OperationTrace::pool(op, input.as_rank4(), window_h, window_w, options),
                            shown, args.has("json"));
    } else {
        print_result(shown, args.has("json"));
    }
    if (npy_path && !args.has("json")) print_npy_note(*npy_path, shown);
    return 0;
}

}  // namespace convscope
