#include "core/formats/weights_file.hpp"

#include <zlib.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "core/formats/atomic_file.hpp"
#include "core/formats/safetensors_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

constexpr char kMagic[8] = {'C', 'S', 'W', 'E', 'I', 'G', 'H', 'T'};

void put_u32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void put_u64(std::string& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint32_t crc_of(const std::string& bytes, std::size_t length) {
    return static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(length)));
}

// Reads fields in order, failing with the file's name when it ends too early. `what`
// names the field as a translatable word.
class FieldReader {
  public:
    FieldReader(const std::string& bytes, const std::string& path) : bytes_(bytes), path_(path) {}

    std::uint64_t unsigned_le(int size, const Message& what) {
        need(size, what);
        std::uint64_t value = 0;
        for (int i = 0; i < size; ++i)
            value |= std::uint64_t(static_cast<unsigned char>(bytes_[position_ + i])) << (8 * i);
        position_ += size;
        return value;
    }
    std::string text(std::size_t size, const Message& what) {
        need(size, what);
        std::string value = bytes_.substr(position_, size);
        position_ += size;
        return value;
    }
    std::size_t position() const { return position_; }

  private:
    void need(std::size_t size, const Message& what) {
        if (bytes_.size() - position_ < size) {
            throw InputError(Message("{path}: weights file is truncated (it ends inside {field})",
                                     {{"path", path_}, {"field", what}}));
        }
    }
    const std::string& bytes_;
    const std::string& path_;
    std::size_t position_ = 0;
};

}  // namespace

void save_weights(const std::string& path, const std::string& architecture, const float* parameters,
                  std::size_t count) {
    if (is_safetensors_path(path)) return save_safetensors(path, architecture, parameters, count);
    std::string bytes(kMagic, sizeof kMagic);
    put_u32(bytes, kWeightsFormatVersion);
    put_u32(bytes, static_cast<std::uint32_t>(architecture.size()));
    bytes += architecture;
    put_u64(bytes, count);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint32_t bits;
        std::memcpy(&bits, &parameters[i], 4);
        put_u32(bytes, bits);
    }
    put_u32(bytes, crc_of(bytes, bytes.size()));

    write_file_atomically(path, bytes, Message("weights file"));
}

void save_weights(const std::string& path, const Network<float>& network) {
    save_weights(path, network.architecture(), network.parameters(), network.parameter_count());
}

WeightsFile read_weights(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(Message("{path}: cannot open the weights file", {{"path", path}}));
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool native = bytes.compare(0, sizeof kMagic, kMagic, sizeof kMagic) == 0;
    if (!native && (is_safetensors_path(path) || looks_like_safetensors(bytes)))
        return parse_safetensors(bytes, path);
    FieldReader reader(bytes, path);
    if (reader.text(sizeof kMagic, Message("the magic bytes")) !=
        std::string(kMagic, sizeof kMagic)) {
        throw InputError(
            Message("{path}: not a convscope weights file (it does not start with CSWEIGHT)",
                    {{"path", path}}));
    }
    const std::uint64_t version = reader.unsigned_le(4, Message("the version"));
    if (version != kWeightsFormatVersion) {
        throw InputError(
            Message("{path}: weights format version {version} is not supported (this build reads "
                    "version {supported})",
                    {{"path", path}, {"version", version}, {"supported", kWeightsFormatVersion}}));
    }
    WeightsFile file;
    file.architecture = reader.text(reader.unsigned_le(4, Message("the architecture length")),
                                    Message("the architecture"));
    const std::uint64_t count = reader.unsigned_le(8, Message("the parameter count"));
    if (count > (bytes.size() - reader.position()) / 4) {
        throw InputError(Message("{path}: weights file is truncated (it claims {count} parameters)",
                                 {{"path", path}, {"count", count}}));
    }
    file.parameters.resize(count);
    const auto parameters = Message("the parameters");  // built once, not per parameter
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint32_t bits = static_cast<std::uint32_t>(reader.unsigned_le(4, parameters));
        std::memcpy(&file.parameters[i], &bits, 4);
    }
    const std::size_t checked = reader.position();
    const std::uint32_t stored =
        static_cast<std::uint32_t>(reader.unsigned_le(4, Message("the checksum")));
    if (stored != crc_of(bytes, checked)) {
        throw InputError(
            Message("{path}: weights file is corrupt (checksum mismatch)", {{"path", path}}));
    }
    if (reader.position() != bytes.size()) {
        throw InputError(Message("{path}: weights file is corrupt (extra bytes after the checksum)",
                                 {{"path", path}}));
    }
    return file;
}

void load_weights(const std::string& path, Network<float>& network) {
    const WeightsFile file = read_weights(path);
    if (file.architecture != network.architecture()) {
        throw InputError(Message(
            "{path}: saved for another architecture:\n  file:    {file}\n  network: {network}",
            {{"path", path}, {"file", file.architecture}, {"network", network.architecture()}}));
    }
    if (file.parameters.size() != network.parameter_count()) {
        throw InputError(Message("{path}: holds {count} parameters, the network has {needed}",
                                 {{"path", path},
                                  {"count", file.parameters.size()},
                                  {"needed", network.parameter_count()}}));
    }
    std::copy(file.parameters.begin(), file.parameters.end(), network.parameters());
}

NetworkSpec spec_for_architecture(const std::string& architecture, const std::string& path) {
    for (const std::string& name : network_preset_names()) {
        NetworkSpec spec = network_preset(name);
        if (spec.architecture() == architecture) return spec;
    }
    throw InputError(
        Message("{path}: saved for an architecture this build has no preset for: {architecture}",
                {{"path", path}, {"architecture", architecture}}));
}

}  // namespace convscope
