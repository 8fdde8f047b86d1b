#include "core/onnx/onnx_import.hpp"

#include <functional>

#include "core/onnx/onnx_context.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

using namespace onnx_import;

constexpr std::size_t kMaxParameters = 100'000'000;

long default_opset(const onnx::ModelProto& proto) {
    for (const auto& entry : proto.opset_import())
        if (entry.domain().empty() || entry.domain() == "ai.onnx") return entry.version();
    return 0;
}

// Every float initializer counted before any is read, so a huge model is refused early.
void check_size(const onnx::GraphProto& graph, const std::string& path) {
    std::size_t total = 0;
    for (const auto& tensor : graph.initializer()) {
        const std::vector<std::int64_t> dims(tensor.dims().begin(), tensor.dims().end());
        total += element_count(dims, kMaxParameters, "'" + path + "'");
        if (total > kMaxParameters)
            throw InputError("'" + path + "' has more than 100 M parameters: convscope opens " +
                             "models up to 100 M parameters");
    }
}

// The one graph input that is not an initializer: (N, C, H, W) with fixed C, H, W.
void read_input(const onnx::GraphProto& graph, ImportContext& context) {
    const onnx::ValueInfoProto* input = nullptr;
    for (const auto& value : graph.input()) {
        if (context.constants.count(value.name())) continue;
        if (input)
            throw InputError("the model has more than one input ('" + input->name() + "', '" +
                             value.name() + "'): convscope opens models of one image input");
        input = &value;
    }
    if (!input) throw InputError("the model has no input: the file is broken");
    const auto& type = input->type();
    if (!type.has_tensor_type() || type.tensor_type().elem_type() != onnx::TensorProto::FLOAT)
        throw InputError("input '" + input->name() + "' is not a float tensor: convscope " +
                         "opens models of float images");
    const auto& dims = type.tensor_type().shape().dim();
    if (dims.size() != 4)
        throw InputError("input '" + input->name() + "' has " + std::to_string(dims.size()) +
                         " dimensions: convscope opens models of images (N, C, H, W)");
    int size[3] = {0, 0, 0};
    const char* axis_names[3] = {"channels", "height", "width"};
    for (int axis = 1; axis < 4; ++axis) {
        const auto& dim = dims.Get(axis);
        if (!dim.has_dim_value())
            throw InputError("input '" + input->name() + "' has a dynamic " + axis_names[axis - 1] +
                             " ('" + dim.dim_param() +
                             "'): export with a fixed image size (dynamic_axes on the batch "
                             "axis only)");
        if (dim.dim_value() < 1 || dim.dim_value() > 16384)
            throw InputError("input '" + input->name() + "' has " + axis_names[axis - 1] + " " +
                             std::to_string(dim.dim_value()) + ": expected 1 to 16384");
        size[axis - 1] = static_cast<int>(dim.dim_value());
    }
    if (long(size[0]) * size[1] * size[2] > kMaxValues)
        throw InputError("input '" + input->name() + "' has more than 64 M values per image: " +
                         "convscope opens smaller models");
    context.model.input_name = input->name();
    context.model.input = {size[0], size[1], size[2]};
    context.producers[input->name()] = -1;
}

void count_reads(const onnx::GraphProto& graph, ImportContext& context) {
    for (const auto& node : graph.node())
        for (const auto& name : node.input()) ++context.reads[name];
    for (const auto& output : graph.output()) ++context.reads[output.name()];
}

// Dropout and Identity pass their input on: their output names the same layer.
void pass_through(ImportContext& context, const onnx::NodeProto& node) {
    if (node.input_size() < 1 || node.output_size() < 1)
        throw InputError(node_text(node) + " has no input or output: the file is broken");
    if (node.output_size() > 1 && context.reads[node.output(1)] > 0)
        throw InputError(node_text(node) + ": its mask output is read, which is not supported " +
                         "(export the model in eval mode)");
    context.producers[node.output(0)] = context.layer_input(node, 0);
}

void store_constant(ImportContext& context, const onnx::NodeProto& node) {
    const Attributes attributes(node);
    const onnx::TensorProto* value = attributes.tensor("value");
    if (!value || node.output_size() != 1)
        Attributes(node).refuse("a Constant without a tensor 'value'");
    context.constants[node.output(0)] = read_constant(*value, node_text(node));
}

using Builder = std::function<void(ImportContext&, const onnx::NodeProto&)>;

const std::map<std::string, Builder>& builders() {
    static const std::map<std::string, Builder> table = {
        {"Conv", build_conv},
        {"ConvTranspose", build_conv_transpose},
        {"MaxPool", build_pool},
        {"AveragePool", build_pool},
        {"GlobalAveragePool", build_pool},
        {"Pad", build_pad},
        {"BatchNormalization", build_batch_norm},
        {"Gemm", build_dense},
        {"MatMul", build_dense},
        {"Add", build_add},
        {"Concat", build_concat},
        {"Flatten", build_reshape},
        {"Reshape", build_reshape},
        {"Relu", build_activation},
        {"LeakyRelu", build_activation},
        {"Sigmoid", build_activation},
        {"Tanh", build_activation},
        {"Softmax", build_softmax},
        {"Dropout", pass_through},
        {"Identity", pass_through},
        {"Constant", store_constant},
    };
    return table;
}

std::string supported_list() {
    std::string text;
    for (const auto& op : supported_onnx_ops()) text += (text.empty() ? "" : ", ") + op;
    return text;
}

}  // namespace

OnnxModel load_onnx(const std::string& path) {
    const onnx::ModelProto proto = onnx_import::read_model_proto(path);
    OnnxModel model;
    model.file = path;
    model.producer = proto.producer_name() + " " + proto.producer_version();
    model.opset = default_opset(proto);
    if (model.opset < 7)
        throw InputError("'" + path + "' uses ONNX opset " + std::to_string(model.opset) +
                         ": convscope reads opsets 7 and later (torch.onnx.export's default " +
                         "is fine)");
    const onnx::GraphProto& graph = proto.graph();
    check_size(graph, path);
    ImportContext context{model, {}, {}, {}};
    for (const auto& tensor : graph.initializer())
        context.constants[tensor.name()] =
            read_constant(tensor, "initializer '" + tensor.name() + "'");
    read_input(graph, context);
    count_reads(graph, context);

    for (const auto& node : graph.node()) {
        if (!node.domain().empty() && node.domain() != "ai.onnx")
            throw InputError(node_text(node) + " is from domain '" + node.domain() +
                             "', which is not supported: convscope runs the standard ops " +
                             supported_list());
        auto builder = builders().find(node.op_type());
        if (builder == builders().end())
            throw InputError(node_text(node) + ": op " + node.op_type() +
                             " is not supported; convscope runs " + supported_list());
        builder->second(context, node);
    }

    if (graph.output_size() != 1)
        throw InputError("the model has " + std::to_string(graph.output_size()) +
                         " outputs: convscope opens models with one output");
    auto output = context.producers.find(graph.output(0).name());
    if (output == context.producers.end() || output->second < 0)
        throw InputError("no layer computes the model's output '" + graph.output(0).name() +
                         "': the file is broken");
    model.output_layer = output->second;
    measure_layers(model);
    return model;
}

}  // namespace convscope
