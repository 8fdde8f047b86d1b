// `convscope conv`: a convolution (or transposed convolution) of given values.
#include <algorithm>
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

const char* kConvHelp =
    R"(usage: convscope conv --input JSON|FILE.npy --kernel JSON|FILE.npy [options]

Computes a convolution (cross-correlation, as PyTorch) of values given as JSON
nested arrays or NumPy .npy files (float32; float64, int32, int64 and uint8
are converted; C order).
  input   (H,W), (C,H,W) or (N,C,H,W)
  kernel  (KH,KW), (C,KH,KW) or (FN,C,KH,KW);
          with --transposed (KH,KW), (C,KH,KW) or (C,FN,KH,KW) as ConvTranspose2d's weight
  bias    FN values, or one number
The output has the input's rank, with a filter axis added when FN > 1.
With --groups G (dividing C and FN) the kernel is (FN, C/G, KH, KW): filter f reads
the C/G channels of group f / (FN/G); G = C is a depthwise convolution.
With --1d, as torch.nn.functional.conv1d:
  input   (L), (C,L) or (N,C,L)
  kernel  (K), (C,K) or (FN,C/G,K); stride, padding and dilation take one number

options:
      --input JSON|FILE.npy  input values (required)
      --kernel JSON|FILE.npy kernel values (required)
      --bias JSON|FILE.npy   one bias per filter
  -s, --stride N|HxW         stride (default 1)
  -p, --padding P            a number, valid, same or full (or PHxPW)
  -d, --dilation N|HxW       dilation (default 1)
      --transposed           a transposed convolution
  -a, --output-padding N     extra output cells of a transposed convolution
  -g, --groups G             grouped convolution: G groups of C/G channels (default 1)
      --1d                   a 1-D convolution of rows (a signal of length L)
      --trace                list every step: window, products, sum
      --backward             print the gradients instead: grad_input (dL/dX),
                             grad_weight (dL/dW), grad_bias (dL/db, the sum of
                             dL/dY per filter); with --trace every cell's products
      --grad-output JSON|FILE.npy
                             dL/dY, the output's shape (default: all ones,
                             as out.sum().backward())
      --json                 print {"output": nested arrays} (with --trace, "steps";
                             with --backward, "grad_input", "grad_weight", "grad_bias")
      --npy OUT.npy          also write the output, as printed, to a NumPy file
      --pytorch              print the PyTorch code that computes the same output
                             (torch.nn.functional), not the output; with --json
                             the code prints y as JSON; with --backward the
                             autograd code that prints x.grad, w.grad, b.grad
  -h, --help                 this text

example (the chapter's 2.2):
  convscope conv --input '[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]' \
                 --kernel '[[0,1,2],[2,2,0],[0,1,2]]'
  convscope conv --input image.npy --kernel filters.npy -p same --npy out.npy
  convscope conv --input '[[1,2],[3,4]]' --kernel '[[2]]' --backward \
                 --grad-output '[[1,0],[0,-1]]' --json
  convscope conv --1d --input '[0,1,3,2,5,4]' --kernel '[1,0,-1]' -p 1
  convscope conv --groups 2 --input volume.npy --kernel grouped.npy
  convscope conv --input '[[1,2,0],[0,1,3],[2,2,1]]' --kernel '[[1,0],[0,-1]]' -p same --pytorch
)";

// A 1-D tensor lifted to the 2-D code's rank 4 with H = 1: (L) -> (1,1,1,L),
// (C,L) -> (1,C,1,L), (N,C,L) -> (N,C,1,L). `what` names the option in errors.
Tensor lifted_1d(const Tensor& tensor, const char* what, const char* shapes) {
    if (tensor.rank() > 3) {
        throw InputError(std::string(what) + " must be " + shapes + " with --1d, got shape " +
                         shape_text(tensor.shape()));
    }
    const Tensor rank3 = tensor.rank() == 3   ? tensor
                         : tensor.rank() == 2 ? tensor.reshaped({1, tensor.dim(0), tensor.dim(1)})
                                              : tensor.reshaped({1, 1, tensor.dim(0)});
    return rank3.reshaped({rank3.dim(0), rank3.dim(1), 1, rank3.dim(2)});
}

// (N,F,1,OL) as (N,F,OL), less its leading axes of size 1 down to `rank`.
Tensor without_height(const Tensor& rank4, int rank) {
    std::vector<int> shape = {rank4.dim(0), rank4.dim(1), rank4.dim(3)};
    while (static_cast<int>(shape.size()) > rank && shape.front() == 1) shape.erase(shape.begin());
    return rank4.reshaped(shape);
}

// --1d takes one number per setting: "2x3" would name an H axis it does not have.
void require_one_axis(const ParsedArguments& args) {
    for (const char* name : {"stride", "padding", "dilation"}) {
        const std::optional<std::string> value = args.value(name);
        if (value && value->find('x') != std::string::npos) {
            throw InputError(std::string("--") + name + " " + *value +
                             " has two axes; with --1d give one number, like --" + name + " 2");
        }
    }
    if (args.has("transposed")) throw InputError("--1d and --transposed: choose one");
}

// The kernel as rank 4: (F,C,KH,KW) for a conv, (C,F,KH,KW) for a transposed conv.
Tensor kernel_as_rank4(const Tensor& kernel, bool transposed) {
    if (kernel.rank() < 2) {
        throw InputError("--kernel must have rank 2 to 4, got shape " + shape_text(kernel.shape()));
    }
    if (kernel.rank() == 3 && transposed) {  // (C,KH,KW): C input channels, one filter
        return kernel.reshaped({kernel.dim(0), 1, kernel.dim(1), kernel.dim(2)});
    }
    return kernel.as_rank4();
}

}  // namespace

int run_conv_command(const Arguments& raw) {
    std::vector<OptionSpec> specs = geometry_option_specs();
    specs.insert(specs.end(), {{"input", "", true},
                               {"kernel", "", true},
                               {"bias", "", true},
                               {"transposed", "", false},
                               {"json", "", false},
                               {"npy", "", true},
                               {"trace", "", false},
                               {"groups", "g", true},
                               {"1d", "", false},
                               {"help", "h", false},
                               pytorch_option_spec()});
    const std::vector<OptionSpec> backward_specs = backward_option_specs();
    specs.insert(specs.end(), backward_specs.begin(), backward_specs.end());
    const ParsedArguments args = parse_arguments(raw, specs);
    if (args.has("help")) {
        std::fputs(kConvHelp, stdout);
        return 0;
    }
    const std::optional<std::string> npy_path = npy_output_option(args);
    const bool transposed = args.has("transposed");
    const bool one_d = args.has("1d");
    if (one_d) require_one_axis(args);
    int groups = 1;
    if (auto text = args.value("groups")) {
        groups = parse_int(*text, "--groups", 1, kMaxCliValue);
        if (transposed && groups != 1) {
            throw InputError("--groups applies to a convolution, not --transposed: drop one");
        }
    }
    const Tensor raw_input = read_tensor_option(args.required("input"), "--input");
    if (!one_d && raw_input.rank() < 2) {
        throw InputError("--input must have rank 2 to 4, got shape " +
                         shape_text(raw_input.shape()) + " (a signal needs --1d)");
    }
    const Tensor raw_kernel = read_tensor_option(args.required("kernel"), "--kernel");
    const Tensor input =
        one_d ? lifted_1d(raw_input, "--input", "(L), (C,L) or (N,C,L)") : raw_input.as_rank4();
    const Tensor kernel = one_d ? lifted_1d(raw_kernel, "--kernel", "(K), (C,K) or (FN,C,K)")
                                : kernel_as_rank4(raw_kernel, transposed);
    std::vector<float> bias;
    if (auto text = args.value("bias")) {
        const Tensor bias_tensor = read_tensor_option(*text, "--bias");
        if (bias_tensor.rank() != 1) {
            throw InputError("--bias must be a flat list of FN values, got shape " +
                             shape_text(bias_tensor.shape()));
        }
        bias = bias_tensor.values();
    }
    const OpKind kind = transposed ? OpKind::TransposedConv : OpKind::Conv;
    Options2d options = parse_geometry_options(args, kind, kernel.dim(2), kernel.dim(3));
    if (one_d) options = options_1d(options.w);
    const Tensor output = transposed ? conv_transpose2d(input, kernel, bias, options)
                                     : conv2d(input, kernel, bias, options, groups);
    PytorchRequest request;
    request.op = transposed ? TracedOp::TransposedConv : TracedOp::Conv;
    request.input = input;
    request.kernel = kernel;
    request.bias = bias;
    request.geometry = geometry_of_input(kind, input, kernel.dim(2), kernel.dim(3), options);
    request.groups = groups;
    request.one_d = one_d;
    const int filters = output.dim(1);
    // The output keeps the input's rank, with a filter axis when FN > 1; 1-D drops H.
    const int rank = std::max(raw_input.rank(), filters > 1 ? (one_d ? 2 : 3) : (one_d ? 1 : 2));
    const Tensor shown = one_d ? without_height(output, rank) : with_rank(output, rank);
    const std::optional<Tensor> grad_output = backward_grad_output(args, shown);
    if (grad_output) {
        if (transposed) throw InputError("--backward works on a convolution: drop --transposed");
        if (one_d || groups != 1)
            throw InputError(
                "--backward works on a 2-D convolution with groups 1: drop --1d "
                "and --groups");
        request.grad_output = *grad_output;
    }
    if (print_pytorch_code(args, request)) return 0;
    if (grad_output) {
        if (npy_path) throw InputError("--npy writes the forward output: drop it with --backward");
        const BackwardTrace trace = BackwardTrace::conv(input, kernel, true, *grad_output, options);
        print_backward_result(trace, raw_input.rank(), raw_kernel.shape(), args.has("json"),
                              args.has("trace"));
        return 0;
    }
    if (npy_path) write_npy(*npy_path, shown);
    if (args.has("trace")) {
        const OperationTrace trace =
            transposed ? OperationTrace::transposed_conv(input, kernel, bias, options)
                       : OperationTrace::conv(input, kernel, bias, options, groups);
        print_traced_result(trace, shown, args.has("json"), one_d);
    } else {
        print_result(shown, args.has("json"), one_d ? "n" : "c");  // 1-D (N,F,L): items first
    }
    if (npy_path && !args.has("json")) print_npy_note(*npy_path, shown);
    return 0;
}

}  // namespace convscope
