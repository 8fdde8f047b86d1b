#include "core/onnx/onnx_proto.hpp"

#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

#include "core/tensor/check.hpp"

namespace convscope {
namespace onnx_import {

namespace {

// Larger than any model under the parameter limit (100 M floats = 400 MB).
constexpr std::size_t kMaxFileBytes = std::size_t(1) << 30;

}  // namespace

onnx::ModelProto read_model_proto(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot open ONNX model '" + path + "': check the path");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) throw InputError("cannot read ONNX model '" + path + "': check the path");
    if (static_cast<std::size_t>(size) > kMaxFileBytes)
        throw InputError("ONNX model '" + path + "' is larger than 1 GB: convscope opens models " +
                         "up to 100 M parameters");
    in.seekg(0, std::ios::beg);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), size))
        throw InputError("cannot read ONNX model '" + path + "': check the file");
    onnx::ModelProto model;
    if (bytes.empty() || !model.ParseFromString(bytes) || !model.has_graph() ||
        model.graph().node_size() == 0)
        throw InputError("'" + path + "' is not an ONNX model (broken or empty file): export " +
                         "it again with torch.onnx.export");
    return model;
}

std::size_t element_count(const std::vector<std::int64_t>& dims, std::size_t limit,
                          const std::string& what) {
    std::size_t count = 1;
    for (std::int64_t d : dims) {
        if (d < 0) throw InputError(what + " has a negative dimension: the file is broken");
        if (d != 0 && count > limit / static_cast<std::size_t>(d))
            throw InputError(what + " has more than " + std::to_string(limit / 1'000'000) +
                             " M values: convscope opens models up to 100 M parameters");
        count *= static_cast<std::size_t>(d);
    }
    return count;
}

Constant read_constant(const onnx::TensorProto& tensor, const std::string& what) {
    Constant constant;
    constant.dims.assign(tensor.dims().begin(), tensor.dims().end());
    const std::size_t count = element_count(constant.dims, 100'000'000, what);
    if (tensor.data_location() == onnx::TensorProto::EXTERNAL)
        throw InputError(what + " is stored in an external file: export the model as one file");
    const bool raw = tensor.has_raw_data();
    const std::string& bytes = tensor.raw_data();
    auto wrong_size = [&] {
        return InputError(what + " holds the wrong number of values for its shape: the file " +
                          "is broken");
    };
    if (tensor.data_type() == onnx::TensorProto::FLOAT) {
        constant.is_float = true;
        if (raw) {
            if (bytes.size() != count * sizeof(float)) throw wrong_size();
            constant.values.resize(count);
            std::memcpy(constant.values.data(), bytes.data(), bytes.size());
        } else {
            if (static_cast<std::size_t>(tensor.float_data_size()) != count) throw wrong_size();
            constant.values.assign(tensor.float_data().begin(), tensor.float_data().end());
        }
    } else if (tensor.data_type() == onnx::TensorProto::INT64) {
        if (raw) {
            if (bytes.size() != count * sizeof(std::int64_t)) throw wrong_size();
            constant.integers.resize(count);
            std::memcpy(constant.integers.data(), bytes.data(), bytes.size());
        } else {
            if (static_cast<std::size_t>(tensor.int64_data_size()) != count) throw wrong_size();
            constant.integers.assign(tensor.int64_data().begin(), tensor.int64_data().end());
        }
        constant.values.assign(constant.integers.begin(), constant.integers.end());
    } else {
        throw InputError(what + " has data type " + std::to_string(tensor.data_type()) +
                         ": convscope reads float32 weights and int64 shapes");
    }
    return constant;
}

std::string node_text(const onnx::NodeProto& node) {
    const std::string name =
        node.name().empty() && node.output_size() > 0 ? node.output(0) : node.name();
    return node.op_type() + " node '" + name + "'";
}

Attributes::Attributes(const onnx::NodeProto& node) : node_(node) {
    for (const auto& attribute : node.attribute()) by_name_[attribute.name()] = &attribute;
}

std::int64_t Attributes::integer(const std::string& name, std::int64_t fallback) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? fallback : it->second->i();
}

float Attributes::real(const std::string& name, float fallback) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? fallback : it->second->f();
}

std::string Attributes::text(const std::string& name, const std::string& fallback) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? fallback : it->second->s();
}

std::vector<std::int64_t> Attributes::integers(const std::string& name,
                                               std::vector<std::int64_t> fallback) const {
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return fallback;
    return {it->second->ints().begin(), it->second->ints().end()};
}

const onnx::TensorProto* Attributes::tensor(const std::string& name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() || !it->second->has_t() ? nullptr : &it->second->t();
}

void Attributes::allow_only(const std::vector<std::string>& known) const {
    for (const auto& entry : by_name_) {
        bool found = false;
        for (const auto& name : known) found = found || name == entry.first;
        if (!found) refuse("attribute '" + entry.first + "'");
    }
}

void Attributes::refuse(const std::string& what) const {
    throw InputError(node_text(node_) + ": " + what +
                     " is not supported (convscope runs the layers PyTorch's Conv2d, "
                     "ConvTranspose2d, BatchNorm2d, pools, Linear and activations export)");
}

}  // namespace onnx_import
}  // namespace convscope
