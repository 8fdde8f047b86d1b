// `convscope info --model m.onnx`: an imported model's layer table.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/argument_parser.hpp"
#include "app/cli/commands.hpp"
#include "core/onnx/onnx_import.hpp"

namespace convscope {

namespace {

const char* kInfoHelp = R"(usage: convscope info --model FILE.onnx [--json]

Reads an ONNX model (as torch.onnx.export writes it) and prints its layers:
name, op, output shape (C x H x W per image), parameters (counted as PyTorch's
parameters() counts them: a BatchNorm's weight and bias, not its running
statistics), FLOPs per image (multiply-adds x 2 for Conv, ConvTranspose and
Gemm/MatMul), and the receptive field of one output cell in input pixels with
the stride between neighbouring fields, then the totals. A BatchNorm folded
into its conv runs as part of it and is listed with its own parameters.

options:
      --model FILE        the .onnx file (required)
      --json              print {"model", "producer", "opset", "input", "output",
                          "layers": [{"name", "op", "inputs", "output",
                          "parameters", "flops", "receptive_field", "stride",
                          "folded"}], "total": {"parameters", "flops"}}
  -h, --help              this text

example:
  convscope info --model tests/fixtures/onnx/colour_bn.onnx
)";

nlohmann::json shape_json(Shape shape) {
    return {shape.channels, shape.height, shape.width};
}

std::string input_names(const OnnxLayer& layer) {
    std::string text;
    for (int source : layer.inputs)
        text += (text.empty() ? "" : ",") +
                (source < 0 ? std::string("input") : std::to_string(source));
    return text;
}

std::string pair_text(double h, double w) {
    char text[48];
    if (h == w)
        std::snprintf(text, sizeof text, "%g", h);
    else
        std::snprintf(text, sizeof text, "%gx%g", h, w);
    return text;
}

void print_json(const OnnxModel& model) {
    nlohmann::ordered_json out;
    out["model"] = model.file;
    out["producer"] = model.producer;
    out["opset"] = model.opset;
    out["input"] = shape_json(model.input);
    out["output"] = shape_json(model.output());
    out["layers"] = nlohmann::ordered_json::array();
    for (const OnnxLayer& layer : model.layers) {
        nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
        for (int source : layer.inputs)
            inputs.push_back(source < 0 ? model.input_name : model.layers[source].name);
        out["layers"].push_back({{"name", layer.name},
                                 {"op", layer.op},
                                 {"inputs", inputs},
                                 {"output", shape_json(layer.output)},
                                 {"parameters", layer.parameters},
                                 {"flops", layer.flops},
                                 {"receptive_field", {layer.field_h, layer.field_w}},
                                 {"stride", {layer.jump_h, layer.jump_w}},
                                 {"folded", layer.folded}});
    }
    out["total"] = {{"parameters", model.parameter_count()}, {"flops", model.flops()}};
    std::printf("%s\n", out.dump(2).c_str());
}

void print_table(const OnnxModel& model) {
    std::printf("%s: %s, opset %ld; input %s, output %s\n", model.file.c_str(),
                model.producer.c_str(), model.opset, model.input.text().c_str(),
                model.output().text().c_str());
    // Columns as wide as their longest entry, so long node names stay aligned.
    int name_width = 4, op_width = 2;
    for (const OnnxLayer& layer : model.layers) {
        name_width = std::max(name_width, static_cast<int>(layer.name.size()));
        op_width = std::max(op_width, static_cast<int>(layer.op.size()) + (layer.folded ? 9 : 0));
    }
    std::printf("%3s  %-*s  %-*s  %-6s %-11s %10s %12s %6s %6s\n", "#", name_width, "name",
                op_width, "op", "from", "output", "params", "FLOPs", "field", "stride");
    for (std::size_t i = 0; i < model.layers.size(); ++i) {
        const OnnxLayer& layer = model.layers[i];
        const std::string op = layer.folded ? layer.op + " (folded)" : layer.op;
        std::printf("%3zu  %-*s  %-*s  %-6s %-11s %10zu %12.0f %6s %6s\n", i, name_width,
                    layer.name.c_str(), op_width, op.c_str(), input_names(layer).c_str(),
                    layer.output.text().c_str(), layer.parameters, layer.flops,
                    pair_text(layer.field_h, layer.field_w).c_str(),
                    pair_text(layer.jump_h, layer.jump_w).c_str());
    }
    std::printf("total: %zu parameters, %.0f FLOPs per image (%.2f MFLOPs)\n",
                model.parameter_count(), model.flops(), model.flops() / 1e6);
}

}  // namespace

int run_info_command(const Arguments& raw) {
    const ParsedArguments args =
        parse_arguments(raw, {{"model", "", true}, {"json", "", false}, {"help", "h", false}});
    if (args.has("help")) {
        std::fputs(kInfoHelp, stdout);
        return 0;
    }
    const OnnxModel model = load_onnx(args.required("model"));
    if (args.has("json"))
        print_json(model);
    else
        print_table(model);
    return 0;
}

}  // namespace convscope
