// The builders of the ops that slide a window: Conv, ConvTranspose, the pools; and Pad.
#include <cmath>

#include "core/onnx/onnx_context.hpp"
#include "core/tensor/check.hpp"

namespace convscope {
namespace onnx_import {

namespace {

int to_int(std::int64_t value, const Attributes& attributes, const std::string& what) {
    if (value < 0 || value > 1'000'000) attributes.refuse(what + " " + std::to_string(value));
    return static_cast<int>(value);
}

// One axis's padding: equal on both sides, or PyTorch's 'same' split (the smaller half
// before). Anything else is refused.
Padding axis_padding(int before, int after, int kernel, int dilation, const Attributes& a) {
    if (before == after) return Padding::of(before);
    const int total = (kernel - 1) * dilation;
    if (before + after == total && before == total / 2) return {Padding::Mode::Same, 0};
    a.refuse("asymmetric padding (" + std::to_string(before) + " before, " + std::to_string(after) +
             " after)");
}

// Strides, pads, dilations and auto_pad of a 2-D window op, resolved against its input;
// InputError naming the node when the window does not fit.
void read_window(const onnx::NodeProto& node, const Attributes& a, OnnxLayer& layer, Shape input,
                 OpKind kind) {
    const auto strides = a.integers("strides", {1, 1});
    const auto dilations = a.integers("dilations", {1, 1});
    const auto pads = a.integers("pads", {0, 0, 0, 0});
    if (strides.size() != 2 || dilations.size() != 2 || pads.size() != 4)
        a.refuse("a window that is not 2-D");
    const std::string auto_pad = a.text("auto_pad", "NOTSET");
    Options2d& o = layer.options;
    o.h.stride = std::max(1, to_int(strides[0], a, "stride"));
    o.w.stride = std::max(1, to_int(strides[1], a, "stride"));
    o.h.dilation = std::max(1, to_int(dilations[0], a, "dilation"));
    o.w.dilation = std::max(1, to_int(dilations[1], a, "dilation"));
    if (auto_pad == "NOTSET") {
        o.h.padding = axis_padding(to_int(pads[0], a, "pad"), to_int(pads[2], a, "pad"),
                                   layer.kernel_h, o.h.dilation, a);
        o.w.padding = axis_padding(to_int(pads[1], a, "pad"), to_int(pads[3], a, "pad"),
                                   layer.kernel_w, o.w.dilation, a);
    } else if (auto_pad == "VALID") {
        o.h.padding = o.w.padding = Padding::of(0);
    } else if (auto_pad == "SAME_UPPER" && kind != OpKind::TransposedConv) {
        o.h.padding = o.w.padding = {Padding::Mode::Same, 0};
    } else {
        a.refuse("auto_pad " + auto_pad);
    }
    ConvGeometry g;
    try {
        g = resolve_geometry(kind, input.height, input.width, layer.kernel_h, layer.kernel_w, o);
    } catch (const InputError& error) {
        throw InputError(node_text(node) + ": " + error.what());
    }
    layer.output.height = g.h.output;
    layer.output.width = g.w.output;
    // The im2col columns (conv) or col2im columns (transposed) of one image.
    const long columns =
        long(layer.kernel_h) * layer.kernel_w *
        (kind == OpKind::TransposedConv ? long(layer.output.channels) * input.height * input.width
                                        : long(input.channels) * g.h.output * g.w.output);
    if (columns > kMaxValues) a.refuse("a window this large (over 64 M im2col values)");
}

// Weight (dims[0], dims[1], KH, KW) and bias (`bias_count`, zeros when absent).
void read_weights(ImportContext& context, const onnx::NodeProto& node, const Attributes& a,
                  OnnxLayer& layer, int bias_count) {
    const Constant* weight = context.constant_input(node, 1);
    if (!weight || !weight->is_float || weight->dims.size() != 4)
        a.refuse("a weight that is not 4-D");
    layer.kernel_h = to_int(weight->dims[2], a, "kernel");
    layer.kernel_w = to_int(weight->dims[3], a, "kernel");
    const auto kernel = a.integers("kernel_shape", {layer.kernel_h, layer.kernel_w});
    if (kernel.size() != 2 || kernel[0] != layer.kernel_h || kernel[1] != layer.kernel_w)
        a.refuse("a kernel_shape unlike its weight's");
    layer.weight = context.add_weights(weight->values);
    layer.parameters = weight->values.size();
    const Constant* bias = context.constant_input(node, 2);
    if (bias) {
        if (!bias->is_float || bias->values.size() != static_cast<std::size_t>(bias_count))
            a.refuse("a bias of " + std::to_string(bias->values.size()) + " values");
        layer.bias = context.add_weights(bias->values);
        layer.parameters += bias->values.size();
    } else {
        layer.bias = context.add_weights(std::vector<float>(static_cast<std::size_t>(bias_count)));
    }
}

}  // namespace

void build_conv(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    a.allow_only({"auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"});
    OnnxLayer layer;
    layer.kind = OnnxOp::Conv;
    layer.inputs = {context.layer_input(node, 0)};
    const Shape input = context.shape_of(layer.inputs[0]);
    const Constant* weight = context.constant_input(node, 1);
    const int filters = weight && !weight->dims.empty() ? to_int(weight->dims[0], a, "filters") : 0;
    layer.groups = std::max(1, to_int(a.integer("group", 1), a, "group"));
    read_weights(context, node, a, layer, filters);
    if (filters < 1 || filters % layer.groups != 0 ||
        input.channels != weight->dims[1] * layer.groups)
        throw InputError(node_text(node) + ": its weight " +
                         shape_text({filters, static_cast<int>(weight->dims[1]), layer.kernel_h,
                                     layer.kernel_w}) +
                         " does not fit an input of " + input.text() + " in " +
                         std::to_string(layer.groups) + " group(s): the file is broken");
    layer.output.channels = filters;
    read_window(node, a, layer, input, OpKind::Conv);
    context.add_layer(node, layer);
}

void build_conv_transpose(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    a.allow_only(
        {"auto_pad", "dilations", "group", "kernel_shape", "output_padding", "pads", "strides"});
    OnnxLayer layer;
    layer.kind = OnnxOp::ConvTranspose;
    layer.inputs = {context.layer_input(node, 0)};
    const Shape input = context.shape_of(layer.inputs[0]);
    layer.groups = std::max(1, to_int(a.integer("group", 1), a, "group"));
    const Constant* weight = context.constant_input(node, 1);
    const int per_group =
        weight && weight->dims.size() == 4 ? to_int(weight->dims[1], a, "filters") : 0;
    read_weights(context, node, a, layer, per_group * layer.groups);
    if (weight->dims[0] != input.channels || input.channels % layer.groups != 0 || per_group < 1)
        throw InputError(node_text(node) + ": its weight does not fit an input of " + input.text() +
                         " in " + std::to_string(layer.groups) + " group(s): the file is broken");
    layer.output.channels = per_group * layer.groups;
    const auto extra = a.integers("output_padding", {0, 0});
    if (extra.size() != 2) a.refuse("output_padding that is not 2-D");
    layer.options.h.output_padding = to_int(extra[0], a, "output_padding");
    layer.options.w.output_padding = to_int(extra[1], a, "output_padding");
    read_window(node, a, layer, input, OpKind::TransposedConv);
    context.add_layer(node, layer);
}

void build_pool(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    OnnxLayer layer;
    layer.inputs = {context.layer_input(node, 0)};
    const Shape input = context.shape_of(layer.inputs[0]);
    layer.output.channels = input.channels;
    if (node.op_type() == "GlobalAveragePool") {
        a.allow_only({});
        layer.kind = OnnxOp::GlobalAveragePool;
        layer.kernel_h = input.height;
        layer.kernel_w = input.width;
        layer.options = pool_options(input.height, input.width);
        layer.output.height = layer.output.width = 1;
        context.add_layer(node, layer);
        return;
    }
    const bool max = node.op_type() == "MaxPool";
    layer.kind = max ? OnnxOp::MaxPool : OnnxOp::AveragePool;
    a.allow_only({"auto_pad", "ceil_mode", "count_include_pad", "dilations", "kernel_shape", "pads",
                  "storage_order", "strides"});
    if (a.integer("ceil_mode", 0) != 0) a.refuse("ceil_mode=1 (use ceil_mode=False)");
    if (a.integer("storage_order", 0) != 0) a.refuse("storage_order=1");
    if (max && node.output_size() > 1 && context.reads[node.output(1)] > 0)
        a.refuse("the indices output");
    const auto kernel = a.integers("kernel_shape", {});
    if (kernel.size() != 2) a.refuse("a window that is not 2-D");
    layer.kernel_h = to_int(kernel[0], a, "kernel");
    layer.kernel_w = to_int(kernel[1], a, "kernel");
    if (a.integers("dilations", {1, 1}) != std::vector<std::int64_t>{1, 1})
        a.refuse("a dilated pool");
    read_window(node, a, layer, input, OpKind::Pool);
    const bool padded = !(layer.options.h.padding == Padding::of(0)) ||
                        !(layer.options.w.padding == Padding::of(0));
    // The average layer counts padded cells as zeros (PyTorch's count_include_pad=True).
    if (!max && padded && a.integer("count_include_pad", 0) == 0)
        a.refuse("count_include_pad=0 with padding (use count_include_pad=True)");
    context.add_layer(node, layer);
}

void build_pad(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    a.allow_only({"mode", "pads", "value"});
    if (a.text("mode", "constant") != "constant") a.refuse("mode " + a.text("mode", ""));
    std::vector<std::int64_t> pads = a.integers("pads", {});
    float value = a.real("value", 0.0f);
    if (const Constant* given = context.constant_input(node, 1)) pads = given->integers;
    if (const Constant* given = context.constant_input(node, 2))
        value = given->values.empty() ? 0.0f : given->values[0];
    if (node.input_size() > 3 && !node.input(3).empty()) a.refuse("padding chosen axes");
    if (value != 0.0f) a.refuse("padding with " + std::to_string(value) + " (zeros only)");
    if (pads.size() != 8 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0)
        a.refuse("padding other than height and width");
    OnnxLayer layer;
    layer.kind = OnnxOp::Pad;
    layer.inputs = {context.layer_input(node, 0)};
    layer.pad_top = to_int(pads[2], a, "pad");
    layer.pad_left = to_int(pads[3], a, "pad");
    layer.pad_bottom = to_int(pads[6], a, "pad");
    layer.pad_right = to_int(pads[7], a, "pad");
    const Shape input = context.shape_of(layer.inputs[0]);
    layer.output = {input.channels, input.height + layer.pad_top + layer.pad_bottom,
                    input.width + layer.pad_left + layer.pad_right};
    context.add_layer(node, layer);
}

}  // namespace onnx_import
}  // namespace convscope
