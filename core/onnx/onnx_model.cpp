#include "core/onnx/onnx_model.hpp"

namespace convscope {

std::size_t OnnxModel::parameter_count() const {
    std::size_t total = 0;
    for (const auto& layer : layers) total += layer.parameters;
    return total;
}

double OnnxModel::flops() const {
    double total = 0;
    for (const auto& layer : layers) total += layer.flops;
    return total;
}

const std::vector<std::string>& supported_onnx_ops() {
    static const std::vector<std::string> ops = {"Conv",
                                                 "ConvTranspose",
                                                 "BatchNormalization",
                                                 "Relu",
                                                 "LeakyRelu",
                                                 "Sigmoid",
                                                 "Tanh",
                                                 "MaxPool",
                                                 "AveragePool",
                                                 "GlobalAveragePool",
                                                 "Pad",
                                                 "Flatten",
                                                 "Reshape",
                                                 "Gemm",
                                                 "MatMul",
                                                 "Add",
                                                 "Concat",
                                                 "Softmax",
                                                 "Dropout",
                                                 "Identity",
                                                 "Constant"};
    return ops;
}

}  // namespace convscope
