// An ONNX model as convscope holds it: no protobuf, only the layers it runs, in an order
// where every layer comes after the layers it reads, and all weights in one buffer.
//
// load_onnx() (onnx_import.hpp) fills it; OnnxRunner (onnx_runner.hpp) runs it on the
// fast layers; the CLI's info and the window read its table. Shapes are per image
// (C, H, W); a vector of n values is (n, 1, 1), as core/nn's Shape.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/nn/layer.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

// What a layer computes. Dense is Gemm, or MatMul with the Add of its bias.
enum class OnnxOp {
    Conv,
    ConvTranspose,
    BatchNorm,  // folded into the conv before it when it can be (then it runs as nothing)
    Relu,
    LeakyRelu,
    Sigmoid,
    Tanh,
    MaxPool,
    AveragePool,
    GlobalAveragePool,
    Pad,
    Flatten,
    Reshape,
    Dense,
    Add,
    Concat,
    Softmax,
};

// Where one parameter tensor sits in OnnxModel::parameters.
struct OnnxWeights {
    std::size_t offset = 0;
    std::size_t count = 0;
};

struct OnnxLayer {
    std::string name;  // the node's name (its output's name when the node has none)
    std::string op;    // as the file names it: "Conv", "Gemm", "MatMul+Add", ...
    OnnxOp kind = OnnxOp::Relu;
    std::vector<int> inputs;  // the layers it reads, -1 for the model's input
    Shape input;              // the first input's shape
    Shape output;

    // Conv, ConvTranspose and pools: window, stride, padding, dilation; groups.
    int kernel_h = 1;
    int kernel_w = 1;
    Options2d options;
    int groups = 1;
    // Pad: cells added before and after each axis (zeros).
    int pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;
    float alpha = 0.01f;  // LeakyRelu's slope

    // Conv, ConvTranspose, Dense: weight and bias (a bias of zeros when the file has
    // none). Conv's weight is (F, C/G, KH, KW); ConvTranspose's (C, F/G, KH, KW);
    // Dense's (outputs, inputs). A BatchNorm left on its own: scale and shift per channel.
    OnnxWeights weight;
    OnnxWeights bias;
    bool folded = false;  // BatchNorm folded into layer inputs[0], a Conv

    // Parameters as PyTorch's parameters() counts them (BatchNorm: its weight and bias,
    // not the running statistics); what the file holds for this layer.
    std::size_t parameters = 0;
    // Multiply-adds x 2 for Conv, ConvTranspose and Dense; the cells read for pools;
    // one per output value for the element-wise layers; 0 for layers that only move values.
    double flops = 0;
    // Receptive field of one output cell in input pixels, and the distance between the
    // fields of neighbouring cells (the jump); through an Add or Concat, the larger path.
    int field_h = 1, field_w = 1;
    double jump_h = 1, jump_w = 1;
};

struct OnnxModel {
    std::string file;  // as given to load_onnx
    std::string producer;
    long opset = 0;
    std::string input_name;
    Shape input;
    std::vector<OnnxLayer> layers;
    int output_layer = 0;  // the layer whose values are the model's output
    std::vector<float> parameters;

    Shape output() const { return layers.at(output_layer).output; }
    std::size_t parameter_count() const;  // the sum of the layers' parameters
    double flops() const;                 // one image's forward pass
};

// "Conv", "BatchNormalization", ... the ONNX names of the supported ops, for messages.
const std::vector<std::string>& supported_onnx_ops();

}  // namespace convscope
