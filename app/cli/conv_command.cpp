// `convscope conv`: a convolution (or transposed convolution) of given values.
#include <cstdio>

#include "app/cli/backward_output.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/geometry_options.hpp"
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

options:
      --input JSON|FILE.npy  input values (required)
      --kernel JSON|FILE.npy kernel values (required)
      --bias JSON|FILE.npy   one bias per filter
  -s, --stride N|HxW         stride (default 1)
  -p, --padding P            a number, valid, same or full (or PHxPW)
  -d, --dilation N|HxW       dilation (default 1)
      --transposed           a transposed convolution
  -a, --output-padding N     extra output cells of a transposed convolution
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
  -h, --help                 this text

example (the chapter's 2.2):
  convscope conv --input '[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]' \
                 --kernel '[[0,1,2],[2,2,0],[0,1,2]]'
  convscope conv --input image.npy --kernel filters.npy -p same --npy out.npy
  convscope conv --input '[[1,2],[3,4]]' --kernel '[[2]]' --backward \
                 --grad-output '[[1,0],[0,-1]]' --json
)";

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
                               {"help", "h", false}});
    const std::vector<OptionSpec> backward_specs = backward_option_specs();
    specs.insert(specs.end(), backward_specs.begin(), backward_specs.end());
    const ParsedArguments args = parse_arguments(raw, specs);
    if (args.has("help")) {
        std::fputs(kConvHelp, stdout);
        return 0;
    }
    const std::optional<std::string> npy_path = npy_output_option(args);
    const bool transposed = args.has("transposed");
    const Tensor input = read_tensor_option(args.required("input"), "--input");
    if (input.rank() < 2) {
        throw InputError("--input must have rank 2 to 4, got shape " + shape_text(input.shape()));
    }
    const Tensor kernel =
        kernel_as_rank4(read_tensor_option(args.required("kernel"), "--kernel"), transposed);
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
    const Options2d options = parse_geometry_options(args, kind, kernel.dim(2), kernel.dim(3));
    const Tensor output = transposed ? conv_transpose2d(input.as_rank4(), kernel, bias, options)
                                     : conv2d(input.as_rank4(), kernel, bias, options);
    const int filters = output.dim(1);
    const Tensor shown = with_rank(output, std::max(input.rank(), filters > 1 ? 3 : 2));
    if (const std::optional<Tensor> grad_output = backward_grad_output(args, shown)) {
        if (transposed) throw InputError("--backward works on a convolution: drop --transposed");
        if (npy_path) throw InputError("--npy writes the forward output: drop it with --backward");
        const BackwardTrace trace =
            BackwardTrace::conv(input.as_rank4(), kernel, true, *grad_output, options);
        const std::vector<int> kernel_shape =
            read_tensor_option(args.required("kernel"), "--kernel").shape();
        print_backward_result(trace, input.rank(), kernel_shape, args.has("json"),
                              args.has("trace"));
        return 0;
    }
    if (npy_path) write_npy(*npy_path, shown);
    if (args.has("trace")) {
        const OperationTrace trace =
            transposed ? OperationTrace::transposed_conv(input.as_rank4(), kernel, bias, options)
                       : OperationTrace::conv(input.as_rank4(), kernel, bias, options);
        print_traced_result(trace, shown, args.has("json"));
    } else {
        print_result(shown, args.has("json"));
    }
    if (npy_path && !args.has("json")) print_npy_note(*npy_path, shown);
    return 0;
}

}  // namespace convscope
