// What the op builders share while a graph is imported: which layer writes each tensor,
// the constant tensors, how often each tensor is read. Internal to core/onnx.
#pragma once

#include <map>
#include <string>

#include "core/onnx/onnx_model.hpp"
#include "core/onnx/onnx_proto.hpp"

namespace convscope {
namespace onnx_import {

// The most values one image may have in any layer (and a conv's im2col columns).
constexpr long kMaxValues = long(1) << 26;

struct ImportContext {
    OnnxModel& model;
    std::map<std::string, int> producers;  // tensor name -> layer, -1 for the model's input
    std::map<std::string, Constant> constants;
    std::map<std::string, int> reads;  // tensor name -> nodes (and graph outputs) reading it

    // The layer writing input `index` of the node; InputError if it is missing or a constant.
    int layer_input(const onnx::NodeProto& node, int index) const;
    Shape shape_of(int layer) const;
    // Constant input `index` of the node, or null when the node has no such input.
    const Constant* constant_input(const onnx::NodeProto& node, int index) const;
    // Appends values to the parameter buffer.
    OnnxWeights add_weights(const std::vector<float>& values);
    // Appends the layer, records it as the writer of the node's first output; its index.
    int add_layer(const onnx::NodeProto& node, OnnxLayer layer);
};

// One builder per group of ops; each checks its attributes and adds its layer.
void build_conv(ImportContext& context, const onnx::NodeProto& node);
void build_conv_transpose(ImportContext& context, const onnx::NodeProto& node);
void build_pool(ImportContext& context, const onnx::NodeProto& node);
void build_pad(ImportContext& context, const onnx::NodeProto& node);
void build_batch_norm(ImportContext& context, const onnx::NodeProto& node);
void build_dense(ImportContext& context, const onnx::NodeProto& node);  // Gemm, MatMul
void build_add(ImportContext& context, const onnx::NodeProto& node);
void build_concat(ImportContext& context, const onnx::NodeProto& node);
void build_reshape(ImportContext& context, const onnx::NodeProto& node);  // Flatten, Reshape
void build_activation(ImportContext& context, const onnx::NodeProto& node);
void build_softmax(ImportContext& context, const onnx::NodeProto& node);

// Receptive fields, jumps and FLOPs of every layer, from the shapes and windows.
void measure_layers(OnnxModel& model);

}  // namespace onnx_import
}  // namespace convscope
