// The builders of the ops without a sliding window: BatchNormalization, Gemm and MatMul
// (+ Add), Add, Concat, Flatten and Reshape, the activations, Softmax.
#include <cmath>

#include "core/onnx/onnx_context.hpp"
#include "core/tensor/check.hpp"

namespace convscope {
namespace onnx_import {

namespace {

std::vector<float> float_input(ImportContext& context, const onnx::NodeProto& node, int index,
                               std::size_t count, const std::string& what) {
    const Constant* constant = context.constant_input(node, index);
    if (!constant || !constant->is_float || constant->values.size() != count)
        throw InputError(node_text(node) + ": its " + what + " should hold " +
                         std::to_string(count) + " float values: the file is broken");
    return constant->values;
}

bool all_zero(const std::vector<float>& values, const OnnxWeights& weights) {
    for (std::size_t i = 0; i < weights.count; ++i)
        if (values[weights.offset + i] != 0.0f) return false;
    return true;
}

}  // namespace

void build_batch_norm(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    a.allow_only({"epsilon", "momentum", "training_mode", "spatial", "is_test", "consumed_inputs"});
    if (a.integer("training_mode", 0) != 0) a.refuse("training_mode=1 (export in eval mode)");
    if (a.integer("spatial", 1) != 1) a.refuse("spatial=0");
    for (int i = 1; i < node.output_size(); ++i)
        if (context.reads[node.output(i)] > 0) a.refuse("reading the running statistics");
    OnnxLayer layer;
    layer.kind = OnnxOp::BatchNorm;
    layer.inputs = {context.layer_input(node, 0)};
    const Shape shape = context.shape_of(layer.inputs[0]);
    layer.output = shape;
    const auto channels = static_cast<std::size_t>(shape.channels);
    const auto gamma = float_input(context, node, 1, channels, "scale");
    const auto beta = float_input(context, node, 2, channels, "bias");
    const auto mean = float_input(context, node, 3, channels, "mean");
    const auto variance = float_input(context, node, 4, channels, "variance");
    const float epsilon = a.real("epsilon", 1e-5f);
    std::vector<float> scale(channels), shift(channels);
    for (std::size_t c = 0; c < channels; ++c) {
        scale[c] = gamma[c] / std::sqrt(variance[c] + epsilon);
        shift[c] = beta[c] - mean[c] * scale[c];
    }
    layer.parameters = 2 * channels;  // PyTorch's weight and bias; the statistics are buffers
    const int source = layer.inputs[0];
    OnnxLayer* conv =
        source >= 0 ? &context.model.layers[static_cast<std::size_t>(source)] : nullptr;
    if (conv && conv->kind == OnnxOp::Conv && context.reads[node.input(0)] == 1) {
        // Fold: conv' = scale * conv + shift, filter by filter; the conv alone now runs.
        float* w = context.model.parameters.data() + conv->weight.offset;
        float* b = context.model.parameters.data() + conv->bias.offset;
        const std::size_t per_filter = conv->weight.count / channels;
        for (std::size_t f = 0; f < channels; ++f) {
            for (std::size_t i = 0; i < per_filter; ++i) w[f * per_filter + i] *= scale[f];
            b[f] = b[f] * scale[f] + shift[f];
        }
        layer.folded = true;
    } else {
        layer.weight = context.add_weights(scale);
        layer.bias = context.add_weights(shift);
    }
    context.add_layer(node, layer);
}

void build_dense(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    const bool gemm = node.op_type() == "Gemm";
    a.allow_only(gemm ? std::vector<std::string>{"alpha", "beta", "transA", "transB"}
                      : std::vector<std::string>{});
    if (a.integer("transA", 0) != 0) a.refuse("transA=1");
    OnnxLayer layer;
    layer.kind = OnnxOp::Dense;
    layer.inputs = {context.layer_input(node, 0)};
    const Shape input = context.shape_of(layer.inputs[0]);
    if (!gemm && (input.height != 1 || input.width != 1))
        a.refuse("MatMul of a " + input.text() + " volume (flatten it first)");
    const Constant* weight = context.constant_input(node, 1);
    if (!weight || !weight->is_float || weight->dims.size() != 2)
        a.refuse("a weight that is not 2-D");
    const bool transposed = gemm && a.integer("transB", 0) != 0;  // stored (out, in)
    const auto rows = static_cast<int>(weight->dims[0]), cols = static_cast<int>(weight->dims[1]);
    const int inputs = transposed ? cols : rows, outputs = transposed ? rows : cols;
    if (inputs != input.size() || outputs < 1)
        throw InputError(node_text(node) + ": its weight " + shape_text({rows, cols}) +
                         " does not fit an input of " + std::to_string(input.size()) +
                         " values: the file is broken");
    const float alpha = a.real("alpha", 1.0f), beta = a.real("beta", 1.0f);
    std::vector<float> w(weight->values.size());
    for (int o = 0; o < outputs; ++o)
        for (int i = 0; i < inputs; ++i)
            w[static_cast<std::size_t>(o) * inputs + i] =
                alpha * weight->values[transposed ? static_cast<std::size_t>(o) * inputs + i
                                                  : static_cast<std::size_t>(i) * outputs + o];
    layer.weight = context.add_weights(w);
    layer.parameters = w.size();
    std::vector<float> bias(static_cast<std::size_t>(outputs));
    if (const Constant* c = gemm ? context.constant_input(node, 2) : nullptr) {
        if (c->values.size() != bias.size() && c->values.size() != 1)
            a.refuse("a bias of " + std::to_string(c->values.size()) + " values");
        for (std::size_t o = 0; o < bias.size(); ++o)
            bias[o] = beta * c->values[c->values.size() == 1 ? 0 : o];
        layer.parameters += c->values.size();
    }
    layer.bias = context.add_weights(bias);
    layer.output = {outputs, 1, 1};
    context.add_layer(node, layer);
}

void build_add(ImportContext& context, const onnx::NodeProto& node) {
    Attributes(node).allow_only({});
    if (node.input_size() != 2) Attributes(node).refuse("an Add of other than 2 inputs");
    for (int side = 0; side < 2; ++side) {
        if (!context.constants.count(node.input(side))) continue;
        // MatMul + Add of a bias: the bias joins the MatMul's layer.
        const int source = context.layer_input(node, 1 - side);
        OnnxLayer* dense =
            source >= 0 ? &context.model.layers[static_cast<std::size_t>(source)] : nullptr;
        if (!dense || dense->op != "MatMul" || context.reads[node.input(1 - side)] != 1 ||
            !all_zero(context.model.parameters, dense->bias))
            Attributes(node).refuse("adding a constant other than a MatMul's bias");
        const auto values = float_input(context, node, side, dense->bias.count, "bias");
        std::copy(values.begin(), values.end(),
                  context.model.parameters.begin() + static_cast<long>(dense->bias.offset));
        dense->op = "MatMul+Add";
        dense->parameters += values.size();
        context.producers[node.output(0)] = source;
        return;
    }
    OnnxLayer layer;
    layer.kind = OnnxOp::Add;
    layer.inputs = {context.layer_input(node, 0), context.layer_input(node, 1)};
    const Shape left = context.shape_of(layer.inputs[0]), right = context.shape_of(layer.inputs[1]);
    if (!(left == right))
        Attributes(node).refuse("adding " + left.text() + " and " + right.text() +
                                " (broadcasting)");
    layer.output = left;
    context.add_layer(node, layer);
}

void build_concat(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    a.allow_only({"axis"});
    OnnxLayer layer;
    layer.kind = OnnxOp::Concat;
    for (int i = 0; i < node.input_size(); ++i)
        layer.inputs.push_back(context.layer_input(node, i));
    if (layer.inputs.empty()) a.refuse("a Concat of nothing");
    const std::int64_t axis = a.integer("axis", 1);
    layer.output = context.shape_of(layer.inputs[0]);
    const bool vectors = layer.output.height == 1 && layer.output.width == 1;
    if (!(axis == 1 || axis == -3 || (axis == -1 && vectors)))
        a.refuse("concatenating along axis " + std::to_string(axis) + " (channels only)");
    layer.output.channels = 0;
    for (int source : layer.inputs) {
        const Shape shape = context.shape_of(source);
        if (shape.height != layer.output.height || shape.width != layer.output.width)
            a.refuse("concatenating planes of different sizes");
        layer.output.channels += shape.channels;
    }
    context.add_layer(node, layer);
}

void build_reshape(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    OnnxLayer layer;
    layer.inputs = {context.layer_input(node, 0)};
    const Shape input = context.shape_of(layer.inputs[0]);
    if (node.op_type() == "Flatten") {
        a.allow_only({"axis"});
        if (a.integer("axis", 1) != 1) a.refuse("axis " + std::to_string(a.integer("axis", 1)));
        layer.kind = OnnxOp::Flatten;
        layer.output = {input.size(), 1, 1};
        context.add_layer(node, layer);
        return;
    }
    a.allow_only({"allowzero"});
    if (a.integer("allowzero", 0) != 0) a.refuse("allowzero=1");
    layer.kind = OnnxOp::Reshape;
    const Constant* target = context.constant_input(node, 1);
    if (!target || target->integers.size() < 2 || target->integers.size() == 3 ||
        target->integers.size() > 4)
        a.refuse("a shape that is not (N, features) or (N, C, H, W)");
    // Axis 0 is the batch; the rest is one image's shape, with 0 (keep) and one -1.
    const int input_dims[3] = {input.channels, input.height, input.width};
    std::vector<long> dims;
    long known = 1;
    int unknown = -1;
    for (std::size_t i = 1; i < target->integers.size(); ++i) {
        long d = target->integers[i];
        if (d == 0) d = input_dims[i - 1];
        if (d == -1 && unknown < 0 && target->integers[0] != -1) {
            unknown = static_cast<int>(dims.size());
        } else if (d < 1 || d > input.size()) {  // also keeps `known` from overflowing
            a.refuse("the shape entry " + std::to_string(d) + " for " + input.text());
        } else {
            known *= d;
        }
        dims.push_back(d);
        if (known > input.size()) break;
    }
    if (unknown >= 0) dims[static_cast<std::size_t>(unknown)] = input.size() / known;
    long total = 1;
    for (long d : dims) total *= d;
    if (total != input.size() || dims.size() != target->integers.size() - 1)
        a.refuse("reshaping " + input.text() + " to another number of values per image");
    layer.output = dims.size() == 1 ? Shape{static_cast<int>(dims[0]), 1, 1}
                                    : Shape{static_cast<int>(dims[0]), static_cast<int>(dims[1]),
                                            static_cast<int>(dims[2])};
    context.add_layer(node, layer);
}

void build_activation(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    OnnxLayer layer;
    const std::string& op = node.op_type();
    a.allow_only(op == "LeakyRelu" ? std::vector<std::string>{"alpha"}
                                   : std::vector<std::string>{});
    layer.kind = op == "Relu"        ? OnnxOp::Relu
                 : op == "LeakyRelu" ? OnnxOp::LeakyRelu
                 : op == "Sigmoid"   ? OnnxOp::Sigmoid
                                     : OnnxOp::Tanh;
    layer.alpha = a.real("alpha", 0.01f);
    layer.inputs = {context.layer_input(node, 0)};
    layer.output = context.shape_of(layer.inputs[0]);
    context.add_layer(node, layer);
}

void build_softmax(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes a(node);
    a.allow_only({"axis"});
    OnnxLayer layer;
    layer.kind = OnnxOp::Softmax;
    layer.inputs = {context.layer_input(node, 0)};
    layer.output = context.shape_of(layer.inputs[0]);
    const std::int64_t axis = a.integer("axis", context.model.opset < 13 ? 1 : -1);
    if (layer.output.height != 1 || layer.output.width != 1 || (axis != 1 && axis != -1))
        a.refuse("a softmax over axis " + std::to_string(axis) + " of " + layer.output.text() +
                 " (a vector of class scores only)");
    context.add_layer(node, layer);
}

}  // namespace onnx_import
}  // namespace convscope
