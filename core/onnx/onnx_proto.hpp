// The protobuf side of the ONNX import, kept out of every other header: reading the file,
// a node's attributes and the constant tensors (initializers and Constant nodes).
// Internal to core/onnx.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "onnx/onnx_pb.h"

namespace convscope {
namespace onnx_import {

// The file parsed; InputError (one line) when it cannot be read or is not a model.
onnx::ModelProto read_model_proto(const std::string& path);

// A constant tensor: its dimensions and its values as floats (int64 tensors, such as a
// Reshape's shape, also in `integers`).
struct Constant {
    std::vector<std::int64_t> dims;
    std::vector<float> values;
    std::vector<std::int64_t> integers;
    bool is_float = false;
};

// Element count of `dims`; InputError for negative dimensions or more than `limit`.
std::size_t element_count(const std::vector<std::int64_t>& dims, std::size_t limit,
                          const std::string& what);

// A TensorProto's values (float or int64, raw or typed); InputError otherwise.
Constant read_constant(const onnx::TensorProto& tensor, const std::string& what);

// The node's attributes by name, and the checks every op builder shares.
class Attributes {
  public:
    explicit Attributes(const onnx::NodeProto& node);

    bool has(const std::string& name) const { return by_name_.count(name) != 0; }
    std::int64_t integer(const std::string& name, std::int64_t fallback) const;
    float real(const std::string& name, float fallback) const;
    std::string text(const std::string& name, const std::string& fallback) const;
    std::vector<std::int64_t> integers(const std::string& name,
                                       std::vector<std::int64_t> fallback) const;
    const onnx::TensorProto* tensor(const std::string& name) const;

    // InputError naming the node and the attribute when it has one not in `known`.
    void allow_only(const std::vector<std::string>& known) const;
    // InputError: "<op> node '<name>': <what> is not supported (<fix>)".
    [[noreturn]] void refuse(const std::string& what) const;

  private:
    const onnx::NodeProto& node_;
    std::map<std::string, const onnx::AttributeProto*> by_name_;
};

// "Conv node '/conv1/Conv'"
std::string node_text(const onnx::NodeProto& node);

}  // namespace onnx_import
}  // namespace convscope
