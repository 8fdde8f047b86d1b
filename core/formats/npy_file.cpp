// Sections: writing, the dtypes we read, reading.
#include "core/formats/npy_file.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/formats/atomic_file.hpp"
#include "core/formats/npy_header.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const std::string kMagic = "\x93NUMPY";
constexpr std::size_t kAlignment = 64;  // numpy's ARRAY_ALIGN

std::uint64_t little_endian(const char* bytes, int size) {
    std::uint64_t value = 0;
    for (int i = 0; i < size; ++i)
        value |= std::uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
    return value;
}

}  // namespace

// ---- writing --------------------------------------------------------------------------

std::string encode_npy(const Tensor& tensor) {
    std::string header = npy_header_dict(tensor.shape());
    // As numpy's _wrap_header: spaces, then a newline, so magic (6) + version (2) +
    // length (2) + header is a multiple of 64 (a whole 64 more when it already is).
    const std::size_t unpadded = kMagic.size() + 4 + header.size() + 1;
    header += std::string(kAlignment - unpadded % kAlignment, ' ') + '\n';
    CS_CHECK(header.size() <= 0xffff);

    std::string bytes = kMagic;
    bytes += '\x01';
    bytes += '\x00';
    bytes += static_cast<char>(header.size() & 0xff);
    bytes += static_cast<char>(header.size() >> 8);
    bytes += header;
    bytes.reserve(bytes.size() + tensor.size() * 4);
    for (float value : tensor.values()) {
        std::uint32_t bits;
        std::memcpy(&bits, &value, 4);
        for (int i = 0; i < 4; ++i) bytes += static_cast<char>((bits >> (8 * i)) & 0xff);
    }
    return bytes;
}

void write_npy(const std::string& path, const Tensor& tensor) {
    write_file_atomically(path, encode_npy(tensor), ".npy file");
}

// ---- the dtypes we read ---------------------------------------------------------------

namespace {

enum class Kind { Float, Signed, Unsigned };

struct Dtype {
    const char* descr;
    int size;
    Kind kind;
};

constexpr Dtype kDtypes[] = {{"<f4", 4, Kind::Float},
                             {"<f8", 8, Kind::Float},
                             {"<i4", 4, Kind::Signed},
                             {"<i8", 8, Kind::Signed},
                             {"|u1", 1, Kind::Unsigned}};

const Dtype& dtype_for(const std::string& descr, const std::string& name) {
    for (const Dtype& dtype : kDtypes)
        if (descr == dtype.descr) return dtype;
    const std::string quoted = "'" + descr + "'";
    if (!descr.empty() && descr[0] == '>') {
        throw InputError(name + ": big-endian data (" + quoted +
                         ") is not supported: save it with a.astype('<f4')");
    }
    if (descr.find('O') != std::string::npos) {
        throw InputError(name + ": object arrays (" + quoted +
                         ") are not supported: save a numeric array, e.g. a.astype('<f4')");
    }
    throw InputError(name + ": dtype " + quoted +
                     " is not supported: use float32 '<f4' (or float64, int32, int64, uint8)");
}

float value_at(const char* bytes, const Dtype& dtype) {
    const std::uint64_t bits = little_endian(bytes, dtype.size);
    switch (dtype.kind) {
        case Kind::Float:
            if (dtype.size == 4) {
                const std::uint32_t bits32 = static_cast<std::uint32_t>(bits);
                float value;
                std::memcpy(&value, &bits32, 4);
                return value;
            } else {
                double value;
                std::memcpy(&value, &bits, 8);
                return static_cast<float>(value);
            }
        case Kind::Signed:
            return dtype.size == 4 ? static_cast<float>(static_cast<std::int32_t>(bits))
                                   : static_cast<float>(static_cast<std::int64_t>(bits));
        case Kind::Unsigned:
            return static_cast<float>(bits);
    }
    return 0;
}

std::string npy_shape_text(const std::vector<std::int64_t>& shape) {
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i) text += ", ";
        text += std::to_string(shape[i]);
    }
    return text + (shape.size() == 1 ? ",)" : ")");
}

// The element count of `shape`, refusing shapes Tensor cannot hold before multiplying.
std::size_t checked_count(const std::vector<std::int64_t>& shape, const std::string& name) {
    if (shape.size() > 4) {
        throw InputError(name + ": shape " + npy_shape_text(shape) + " has rank " +
                         std::to_string(shape.size()) + "; convscope tensors have rank 1 to 4");
    }
    std::size_t count = 1;
    for (std::int64_t dim : shape) {
        if (dim == 0)
            throw InputError(name + ": shape " + npy_shape_text(shape) + " has no values");
        if (static_cast<std::uint64_t>(dim) > kMaxNpyValues / count) {
            throw InputError(name + ": shape " + npy_shape_text(shape) +
                             " holds more values than this build reads (at most " +
                             std::to_string(kMaxNpyValues) + ")");
        }
        count *= static_cast<std::size_t>(dim);
    }
    return count;
}

}  // namespace

// ---- reading --------------------------------------------------------------------------

Tensor decode_npy(const std::string& bytes, const std::string& name) {
    if (bytes.compare(0, kMagic.size(), kMagic) != 0) {
        throw InputError(name + ": not a NumPy .npy file (it does not start with \\x93NUMPY)");
    }
    if (bytes.size() < kMagic.size() + 2) throw InputError(name + ": the .npy file is truncated");
    const int major = static_cast<unsigned char>(bytes[6]);
    const int minor = static_cast<unsigned char>(bytes[7]);
    if (major < 1 || major > 3 || minor != 0) {
        throw InputError(name + ": .npy format version " + std::to_string(major) + "." +
                         std::to_string(minor) +
                         " is not supported (this build reads 1.0, 2.0 and 3.0)");
    }
    const int length_size = major == 1 ? 2 : 4;
    const std::size_t header_start = kMagic.size() + 2 + length_size;
    if (bytes.size() < header_start) {
        throw InputError(name + ": the .npy file is truncated (it ends in the header length)");
    }
    const std::uint64_t header_size = little_endian(bytes.data() + 8, length_size);
    if (header_size > kMaxNpyHeaderBytes) {
        throw InputError(name + ": the header claims " + std::to_string(header_size) +
                         " bytes, more than numpy itself loads (" +
                         std::to_string(kMaxNpyHeaderBytes) + ")");
    }
    if (bytes.size() - header_start < header_size) {
        throw InputError(name + ": the .npy file is truncated (it ends in the header)");
    }
    const NpyHeader header = parse_npy_header(bytes.substr(header_start, header_size), name);
    if (header.fortran_order) {
        throw InputError(name +
                         ": fortran_order is True; save a C-order array "
                         "(np.save(path, np.ascontiguousarray(a)))");
    }
    const Dtype& dtype = dtype_for(header.descr, name);
    std::vector<std::int64_t> shape = header.shape;
    if (shape.empty()) shape = {1};  // a scalar: one value
    const std::size_t count = checked_count(shape, name);

    const std::size_t data_start = header_start + header_size;
    const std::size_t needed = count * static_cast<std::size_t>(dtype.size);
    const std::size_t held = bytes.size() - data_start;
    if (held != needed) {
        throw InputError(
            name + ": " + (held < needed ? "the data is truncated: " : "the data is too long: ") +
            "shape " + npy_shape_text(header.shape) + " of '" + header.descr + "' needs " +
            std::to_string(needed) + " bytes, the file holds " + std::to_string(held));
    }
    std::vector<float> values(count);
    for (std::size_t i = 0; i < count; ++i) {
        values[i] = value_at(bytes.data() + data_start + i * dtype.size, dtype);
        if (!std::isfinite(values[i])) {
            throw InputError(name + ": value " + std::to_string(i) +
                             " is not a finite float32 (NaN, infinite or too large); "
                             "convscope computes with finite numbers");
        }
    }
    return Tensor(std::vector<int>(shape.begin(), shape.end()), std::move(values));
}

Tensor read_npy(const std::string& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (std::filesystem::is_directory(status)) {
        throw InputError(path + ": is a folder, not a .npy file");
    }
    if (!std::filesystem::exists(status)) throw InputError(path + ": no such .npy file");
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    // The largest file a header within the budgets can describe: stop before reading it.
    const std::uintmax_t largest = 12 + kMaxNpyHeaderBytes + kMaxNpyValues * 8;
    if (!error && size > largest) {
        throw InputError(path + ": the file is " + std::to_string(size) +
                         " bytes, more than any .npy this build reads (" +
                         std::to_string(kMaxNpyValues) + " values)");
    }
    errno = 0;
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw InputError(path + ": cannot open the .npy file (" + std::strerror(errno) + ")");
    const std::string bytes((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
    if (file.bad()) throw InputError(path + ": cannot read the .npy file");
    return decode_npy(bytes, path);
}

bool has_npy_extension(const std::string& path) {
    if (path.size() < 4) return false;
    std::string end = path.substr(path.size() - 4);
    for (char& c : end) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return end == ".npy";
}

}  // namespace convscope
