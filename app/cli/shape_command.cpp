// `convscope shape`: output size of a conv, transposed conv or pool, formula filled in.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/geometry_options.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kShapeHelp = R"(usage: convscope shape -i N|HxW -k N|HxW [options]

Prints the output size of one convolution, transposed convolution or pooling,
with the formula filled in. Floor semantics: settings that do not divide evenly
are valid.

options:
  -i, --input N|HxW          input size (required)
  -k, --kernel N|HxW         kernel (or pooling window) size (required)
  -s, --stride N|HxW         stride (default 1; for --pool, the window)
  -p, --padding P            a number, valid, same or full (or PHxPW)
  -d, --dilation N|HxW       dilation (default 1)
      --transposed           a transposed convolution (PyTorch's ConvTranspose2d)
  -a, --output-padding N     extra output cells of a transposed convolution
      --pool                 a pooling window
      --json                 print a JSON object
  -h, --help                 this text

examples:
  convscope shape -i 5 -k 3 -p full          o = 7
  convscope shape -i 5 -k 3 -s 2 -p 1        o = 3
  convscope shape -i 3 -k 3 -s 2 --transposed
)";

nlohmann::ordered_json axis_json(OpKind kind, const AxisGeometry& axis) {
    return {{"input", axis.input},
            {"kernel", axis.kernel},
            {"effective_kernel", axis.effective_kernel()},
            {"stride", axis.stride},
            {"dilation", axis.dilation},
            {"padding", {axis.pad_before, axis.pad_after}},
            {"output_padding", axis.output_padding},
            {"output", axis.output},
            {"formula", formula_text(kind, axis)}};
}

std::string padding_text(const AxisGeometry& axis) {
    if (axis.pad_before == axis.pad_after) return std::to_string(axis.pad_before);
    return std::to_string(axis.pad_before) + " before, " + std::to_string(axis.pad_after) +
           " after";
}

void print_axis(const char* label, OpKind kind, const AxisGeometry& axis) {
    std::printf("%si=%d k=%d s=%d p=%s d=%d", label, axis.input, axis.kernel, axis.stride,
                padding_text(axis).c_str(), axis.dilation);
    if (kind == OpKind::TransposedConv) std::printf(" a=%d", axis.output_padding);
    std::printf("\n%s%s\n", label[0] ? "        " : "", formula_text(kind, axis).c_str());
}

}  // namespace

int run_shape_command(const Arguments& raw) {
    std::vector<OptionSpec> specs = geometry_option_specs();
    specs.insert(specs.end(), {{"input", "i", true},
                               {"kernel", "k", true},
                               {"transposed", "", false},
                               {"pool", "", false},
                               {"json", "", false},
                               {"help", "h", false}});
    const ParsedArguments args = parse_arguments(raw, specs);
    if (args.has("help")) {
        std::fputs(kShapeHelp, stdout);
        return 0;
    }
    if (args.has("transposed") && args.has("pool")) {
        throw InputError("--transposed and --pool exclude each other");
    }
    const OpKind kind = args.has("transposed") ? OpKind::TransposedConv
                        : args.has("pool")     ? OpKind::Pool
                                               : OpKind::Conv;
    const auto [input_h, input_w] =
        parse_int_pair(args.required("input"), "input size -i", -kMaxCliValue, kMaxCliValue);
    const auto [kernel_h, kernel_w] =
        parse_int_pair(args.required("kernel"), "kernel size -k", -kMaxCliValue, kMaxCliValue);
    const Options2d options = parse_geometry_options(args, kind, kernel_h, kernel_w);
    const ConvGeometry g = resolve_geometry(kind, input_h, input_w, kernel_h, kernel_w, options);
    const bool square = g.h.output == g.w.output && g.h.input == g.w.input &&
                        g.h.kernel == g.w.kernel &&
                        formula_text(kind, g.h) == formula_text(kind, g.w);

    if (args.has("json")) {
        nlohmann::ordered_json out;
        out["kind"] = op_kind_name(kind);
        if (g.h.output == g.w.output) {
            out["output"] = g.h.output;
        } else {
            out["output"] = {g.h.output, g.w.output};
        }
        out["height"] = axis_json(kind, g.h);
        out["width"] = axis_json(kind, g.w);
        std::printf("%s\n", out.dump().c_str());
        return 0;
    }
    std::printf("%s\n", op_kind_name(kind));
    if (square) {
        print_axis("", kind, g.h);
        std::printf("output: %d x %d\n", g.h.output, g.w.output);
    } else {
        print_axis("height: ", kind, g.h);
        print_axis("width:  ", kind, g.w);
        std::printf("output: %d x %d\n", g.h.output, g.w.output);
    }
    return 0;
}

}  // namespace convscope
