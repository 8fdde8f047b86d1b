#include "core/onnx/onnx_context.hpp"

#include "core/tensor/check.hpp"

namespace convscope {
namespace onnx_import {

int ImportContext::layer_input(const onnx::NodeProto& node, int index) const {
    if (index >= node.input_size() || node.input(index).empty())
        throw InputError(node_text(node) + " lacks input " + std::to_string(index + 1) +
                         ": the file is broken");
    const std::string& name = node.input(index);
    auto it = producers.find(name);
    if (it != producers.end()) return it->second;
    if (constants.count(name))
        throw InputError(node_text(node) + " reads the constant '" + name + "' as data, " +
                         "which is not supported: convscope runs layers on the image");
    throw InputError(node_text(node) + " reads '" + name +
                     "', which no earlier node writes: " + "the file is broken");
}

Shape ImportContext::shape_of(int layer) const {
    return layer < 0 ? model.input : model.layers.at(static_cast<std::size_t>(layer)).output;
}

const Constant* ImportContext::constant_input(const onnx::NodeProto& node, int index) const {
    if (index >= node.input_size() || node.input(index).empty()) return nullptr;
    auto it = constants.find(node.input(index));
    if (it == constants.end())
        throw InputError(node_text(node) + ": input '" + node.input(index) + "' must be a " +
                         "constant (weights, shapes), computed values are not supported");
    return &it->second;
}

OnnxWeights ImportContext::add_weights(const std::vector<float>& values) {
    OnnxWeights weights{model.parameters.size(), values.size()};
    model.parameters.insert(model.parameters.end(), values.begin(), values.end());
    return weights;
}

int ImportContext::add_layer(const onnx::NodeProto& node, OnnxLayer layer) {
    if (node.output_size() < 1 || node.output(0).empty())
        throw InputError(node_text(node) + " has no output: the file is broken");
    if (layer.output.channels < 1 || layer.output.height < 1 || layer.output.width < 1)
        throw InputError(node_text(node) + " gives an empty output: check the model");
    if (long(layer.output.channels) * layer.output.height * layer.output.width > kMaxValues)
        throw InputError(node_text(node) + " gives more than 64 M values per image: convscope " +
                         "runs smaller models");
    layer.name = node.name().empty() ? node.output(0) : node.name();
    layer.op = layer.op.empty() ? node.op_type() : layer.op;
    if (!layer.inputs.empty()) layer.input = shape_of(layer.inputs[0]);
    model.layers.push_back(std::move(layer));
    const int index = static_cast<int>(model.layers.size()) - 1;
    producers[node.output(0)] = index;
    return index;
}

}  // namespace onnx_import
}  // namespace convscope
