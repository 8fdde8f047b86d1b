#include "core/formats/safetensors_file.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "core/formats/atomic_file.hpp"
#include "core/nn/network.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

using nlohmann::json;

// A header larger than this is not a weights file of ours (a budget checked before
// anything is allocated for it).
constexpr std::uint64_t kMaxHeaderBytes = 16u << 20;

[[noreturn]] void fail(const std::string& path, Message problem) {
    throw InputError(Message("{path}: not a valid safetensors file: {problem}",
                             {{"path", path}, {"problem", std::move(problem)}}));
}

std::string shape_text(const std::vector<long long>& shape) {
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + (shape.size() == 1 ? ",)" : ")");
}

std::vector<long long> as_long(const std::vector<int>& shape) {
    return {shape.begin(), shape.end()};
}

// One tensor of the header, checked on its own.
struct HeaderTensor {
    std::string name;
    std::vector<long long> shape;
    std::uint64_t begin = 0, end = 0;
};

HeaderTensor header_tensor(const std::string& name, const json& entry, std::uint64_t data_size,
                           const std::string& path) {
    const Message tensor_problem = Message(
        "tensor '{name}' needs \"dtype\", \"shape\" and "
        "\"data_offsets\" [begin, end] with whole numbers",
        {{"name", name}});
    if (!entry.is_object() || !entry.contains("dtype") || !entry.contains("shape") ||
        !entry.contains("data_offsets") || !entry["dtype"].is_string() ||
        !entry["shape"].is_array() || !entry["data_offsets"].is_array() ||
        entry["data_offsets"].size() != 2)
        fail(path, tensor_problem);
    HeaderTensor tensor;
    tensor.name = name;
    const std::string dtype = entry["dtype"].get<std::string>();
    if (dtype != "F32") {
        fail(path, Message("tensor '{name}' is {dtype}; convscope reads F32 (float32) only: "
                           "save it with .float() first",
                           {{"name", name}, {"dtype", dtype}}));
    }
    std::uint64_t elements = 1;
    for (const json& dim : entry["shape"]) {
        if (!dim.is_number_unsigned() || dim.get<std::uint64_t>() > (1u << 30))
            fail(path, tensor_problem);
        tensor.shape.push_back(dim.get<long long>());
        // Saturates instead of overflowing: too large for any file anyway.
        elements = std::min<std::uint64_t>(elements * dim.get<std::uint64_t>(), 1ull << 40);
    }
    for (const json& offset : entry["data_offsets"])
        if (!offset.is_number_unsigned()) fail(path, tensor_problem);
    tensor.begin = entry["data_offsets"][0].get<std::uint64_t>();
    tensor.end = entry["data_offsets"][1].get<std::uint64_t>();
    if (tensor.begin > tensor.end || tensor.end > data_size) {
        fail(path, Message("tensor '{name}' has data offsets [{begin}, {end}] outside the "
                           "{size} bytes of data",
                           {{"name", name},
                            {"begin", tensor.begin},
                            {"end", tensor.end},
                            {"size", data_size}}));
    }
    if (tensor.end - tensor.begin != elements * 4) {
        fail(path, Message("tensor '{name}' of shape {shape} needs {needed} bytes, its offsets "
                           "give {bytes}",
                           {{"name", name},
                            {"shape", shape_text(tensor.shape)},
                            {"needed", elements * 4},
                            {"bytes", tensor.end - tensor.begin}}));
    }
    return tensor;
}

// Whether the tensors are exactly those `spec` names, with its shapes.
bool matches(const NetworkSpec& spec, const std::map<std::string, HeaderTensor>& tensors) {
    const std::vector<ParameterTensor> layout = pytorch_parameter_layout(spec);
    if (layout.size() != tensors.size()) return false;
    for (const ParameterTensor& wanted : layout) {
        const auto found = tensors.find(wanted.name);
        if (found == tensors.end() || found->second.shape != as_long(wanted.shape)) return false;
    }
    return true;
}

// The architecture the metadata names, or the preset the tensors match.
NetworkSpec spec_of(const json& header, const std::map<std::string, HeaderTensor>& tensors,
                    const std::string& path) {
    if (header.contains("__metadata__")) {
        const json& metadata = header["__metadata__"];
        if (!metadata.is_object()) fail(path, Message("\"__metadata__\" must map names to texts"));
        for (const auto& item : metadata.items())
            if (!item.value().is_string())
                fail(path, Message("\"__metadata__\" must map names to texts"));
        if (metadata.contains("architecture"))
            return spec_for_architecture(metadata["architecture"].get<std::string>(), path);
    }
    for (const std::string& name : network_preset_names()) {
        NetworkSpec spec = network_preset(name);
        if (matches(spec, tensors)) return spec;
    }
    throw InputError(
        Message("{path}: its tensors match no network this build knows; save it "
                "from convscope or from the same nn.Sequential",
                {{"path", path}}));
}

}  // namespace

bool is_safetensors_path(const std::string& path) {
    const std::string suffix = ".safetensors";
    if (path.size() < suffix.size()) return false;
    std::string end = path.substr(path.size() - suffix.size());
    std::transform(end.begin(), end.end(), end.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return end == suffix;
}

bool looks_like_safetensors(const std::string& bytes) {
    return bytes.size() >= 9 && bytes[8] == '{';
}

std::vector<ParameterTensor> pytorch_parameter_layout(const NetworkSpec& spec) {
    std::vector<ParameterTensor> layout = parameter_layout(spec);
    for (ParameterTensor& tensor : layout) {
        const std::string local = tensor.name.substr(tensor.name.find('.') + 1);
        tensor.name = std::to_string(tensor.layer) + "." + local;
    }
    return layout;
}

std::string safetensors_bytes(const NetworkSpec& spec, const float* parameters, std::size_t count) {
    const std::vector<ParameterTensor> layout = pytorch_parameter_layout(spec);
    CS_CHECK(layout.empty() || layout.back().offset + layout.back().count == count);
    json header = json::object();
    header["__metadata__"] = {{"format", "pt"}, {"architecture", spec.architecture()}};
    for (const ParameterTensor& tensor : layout) {
        header[tensor.name] = {
            {"dtype", "F32"},
            {"shape", tensor.shape},
            {"data_offsets", {tensor.offset * 4, (tensor.offset + tensor.count) * 4}}};
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');  // the data starts 8-byte aligned
    std::string bytes;
    for (int i = 0; i < 8; ++i)
        bytes.push_back(static_cast<char>((std::uint64_t(text.size()) >> (8 * i)) & 0xff));
    bytes += text;
    for (std::size_t i = 0; i < count; ++i) {
        std::uint32_t bits;
        std::memcpy(&bits, &parameters[i], 4);
        for (int b = 0; b < 4; ++b) bytes.push_back(static_cast<char>((bits >> (8 * b)) & 0xff));
    }
    return bytes;
}

void save_safetensors(const std::string& path, const std::string& architecture,
                      const float* parameters, std::size_t count) {
    const NetworkSpec spec = spec_for_architecture(architecture, path);
    write_file_atomically(path, safetensors_bytes(spec, parameters, count),
                          Message("safetensors file"));
}

WeightsFile parse_safetensors(const std::string& bytes, const std::string& path) {
    if (bytes.size() < 8) fail(path, Message("it is shorter than the 8-byte header length"));
    std::uint64_t length = 0;
    for (int i = 0; i < 8; ++i)
        length |= std::uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
    if (length < 2 || length > kMaxHeaderBytes || length > bytes.size() - 8) {
        fail(path, Message("its header length {length} does not fit the file's {size} bytes",
                           {{"length", length}, {"size", bytes.size()}}));
    }
    const json header =
        json::parse(bytes.begin() + 8, bytes.begin() + 8 + long(length), nullptr, false);
    if (header.is_discarded() || !header.is_object())
        fail(path, Message("its header is not a JSON object"));
    const std::uint64_t data_size = bytes.size() - 8 - length;
    std::map<std::string, HeaderTensor> tensors;
    for (const auto& item : header.items())
        if (item.key() != "__metadata__")
            tensors[item.key()] = header_tensor(item.key(), item.value(), data_size, path);

    // The tensors cover the data exactly, in some order: no overlap, no gap.
    std::vector<const HeaderTensor*> by_offset;
    for (const auto& item : tensors) by_offset.push_back(&item.second);
    std::sort(by_offset.begin(), by_offset.end(),
              [](const HeaderTensor* a, const HeaderTensor* b) { return a->begin < b->begin; });
    std::uint64_t covered = 0;
    for (const HeaderTensor* tensor : by_offset) {
        if (tensor->begin != covered) {
            fail(path, Message("the data of tensor '{name}' overlaps another or leaves a gap",
                               {{"name", tensor->name}}));
        }
        covered = tensor->end;
    }
    if (covered != data_size)
        fail(path, Message("{extra} bytes of data belong to no tensor",
                           {{"extra", data_size - covered}}));

    const NetworkSpec spec = spec_of(header, tensors, path);
    WeightsFile file;
    file.architecture = spec.architecture();
    const std::vector<ParameterTensor> layout = pytorch_parameter_layout(spec);
    std::size_t total = 0;
    for (const ParameterTensor& wanted : layout) total += wanted.count;
    file.parameters.resize(total);
    for (const ParameterTensor& wanted : layout) {
        const auto found = tensors.find(wanted.name);
        if (found == tensors.end()) {
            throw InputError(
                Message("{path}: tensor '{name}' is missing for {network}",
                        {{"path", path}, {"name", wanted.name}, {"network", spec.name}}));
        }
        if (found->second.shape != as_long(wanted.shape)) {
            throw InputError(
                Message("{path}: tensor '{name}' has shape {shape}, {network} needs {needed}",
                        {{"path", path},
                         {"name", wanted.name},
                         {"shape", shape_text(found->second.shape)},
                         {"network", spec.name},
                         {"needed", shape_text(as_long(wanted.shape))}}));
        }
        const char* data = bytes.data() + 8 + length + found->second.begin;
        for (std::size_t i = 0; i < wanted.count; ++i) {
            std::uint32_t bits = 0;
            for (int b = 0; b < 4; ++b)
                bits |= std::uint32_t(static_cast<unsigned char>(data[4 * i + b])) << (8 * b);
            std::memcpy(&file.parameters[wanted.offset + i], &bits, 4);
        }
        tensors.erase(found);
    }
    if (!tensors.empty()) {
        throw InputError(
            Message("{path}: tensor '{name}' is not part of {network}",
                    {{"path", path}, {"name", tensors.begin()->first}, {"network", spec.name}}));
    }
    return file;
}

}  // namespace convscope
