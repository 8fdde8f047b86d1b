#include "core/formats/mnist_idx.hpp"

#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>

#include "core/tensor/check.hpp"

namespace convscope {

const char* const kMnistTrainImages = "train-images-idx3-ubyte";
const char* const kMnistTrainLabels = "train-labels-idx1-ubyte";
const char* const kMnistTestImages = "t10k-images-idx3-ubyte";
const char* const kMnistTestLabels = "t10k-labels-idx1-ubyte";

namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803;  // unsigned bytes, 3 dimensions
constexpr std::uint32_t kLabelsMagic = 0x00000801;  // unsigned bytes, 1 dimension
constexpr std::uint32_t kMaxCount = 100000000;  // far above any real set; stops absurd allocations

std::string hex(std::uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", value);
    return text;
}

// gzread reads gzip and plain files alike, so one reader serves both.
class IdxReader {
  public:
    explicit IdxReader(const std::string& path) : path_(path), file_(gzopen(path.c_str(), "rb")) {
        if (!file_) throw InputError(Message("{path}: cannot open the file", {{"path", path}}));
    }
    ~IdxReader() { gzclose(file_); }
    IdxReader(const IdxReader&) = delete;
    IdxReader& operator=(const IdxReader&) = delete;

    // `field`: a header field's name, a translatable word.
    std::uint32_t read_u32(const Message& field) {
        unsigned char bytes[4];
        read_exactly(bytes, 4, Message("the header ({field})", {{"field", field}}));
        return (std::uint32_t(bytes[0]) << 24) | (std::uint32_t(bytes[1]) << 16) |
               (std::uint32_t(bytes[2]) << 8) | std::uint32_t(bytes[3]);
    }

    void read_exactly(void* out, std::size_t size, const Message& what) {
        std::size_t done = 0;
        while (done < size) {
            const unsigned chunk =
                static_cast<unsigned>(std::min<std::size_t>(size - done, 1u << 30));
            const int got = gzread(file_, static_cast<char*>(out) + done, chunk);
            int code = Z_OK;
            const char* message = got < 0 ? gzerror(file_, &code) : "";
            if (got < 0 && code != Z_BUF_ERROR) {
                throw InputError(Message("{path}: corrupt compressed data ({reason})",
                                         {{"path", path_}, {"reason", message}}));
            }
            if (got <= 0) {  // Z_BUF_ERROR: the gzip stream ends early
                throw InputError(
                    Message("{path}: file is truncated: {what} needs {size} bytes, found {found}",
                            {{"path", path_}, {"what", what}, {"size", size}, {"found", done}}));
            }
            done += static_cast<std::size_t>(got);
        }
    }

    const std::string& path() const { return path_; }

  private:
    std::string path_;
    gzFile file_;
};

// One sentence for images and one for labels, so a translation names each its own way.
void require_magic(const IdxReader& reader, std::uint32_t found, std::uint32_t expected,
                   bool images) {
    if (found == expected) return;
    const Message::Values values = {
        {"path", reader.path()}, {"found", hex(found)}, {"expected", hex(expected)}};
    if (images) {
        throw InputError(Message(
            "{path}: wrong magic number {found} (an IDX images file starts with {expected})",
            values));
    }
    throw InputError(Message(
        "{path}: wrong magic number {found} (an IDX labels file starts with {expected})", values));
}

void require_count(const IdxReader& reader, std::uint32_t count) {
    if (count > kMaxCount) {
        throw InputError(
            Message("{path}: header claims {count} items, more than any MNIST file holds",
                    {{"path", reader.path()}, {"count", count}}));
    }
}

bool exists(const std::string& path) {
    struct stat info;
    return stat(path.c_str(), &info) == 0;
}

bool is_folder(const std::string& path) {
    struct stat info;
    return stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

// folder/name, or folder/name.gz; InputError when neither exists.
std::string find_file(const std::string& folder, const char* name) {
    const std::string raw = folder + "/" + name;
    if (exists(raw)) return raw;
    if (exists(raw + ".gz")) return raw + ".gz";
    throw InputError(Message("MNIST folder '{folder}' has no {name} (nor {name}.gz)",
                             {{"folder", folder}, {"name", name}}));
}

}  // namespace

void Dataset::image_as_floats(int index, float* out) const {
    CS_CHECK(index >= 0 && index < count);
    const std::uint8_t* image = pixels.data() + static_cast<std::size_t>(index) * image_size();
    for (int i = 0; i < image_size(); ++i) out[i] = image[i] * (1.0f / 255.0f);
}

Dataset read_idx_images(const std::string& path, int required_rows, int required_cols) {
    IdxReader reader(path);
    require_magic(reader, reader.read_u32(Message("magic number")), kImagesMagic, true);
    Dataset data;
    const std::uint32_t count = reader.read_u32(Message("image count"));
    const std::uint32_t rows = reader.read_u32(Message("rows"));
    const std::uint32_t cols = reader.read_u32(Message("columns"));
    require_count(reader, count);
    if (rows != std::uint32_t(required_rows) || cols != std::uint32_t(required_cols)) {
        throw InputError(
            Message("{path}: images are {rows}x{cols}, expected {required_rows}x{required_cols}",
                    {{"path", path},
                     {"rows", rows},
                     {"cols", cols},
                     {"required_rows", required_rows},
                     {"required_cols", required_cols}}));
    }
    data.count = static_cast<int>(count);
    data.rows = required_rows;
    data.cols = required_cols;
    data.pixels.resize(static_cast<std::size_t>(count) * rows * cols);
    reader.read_exactly(data.pixels.data(), data.pixels.size(),
                        Message("{count} images of {rows}x{cols}",
                                {{"count", count}, {"rows", rows}, {"cols", cols}}));
    return data;
}

std::vector<std::uint8_t> read_idx_labels(const std::string& path) {
    IdxReader reader(path);
    require_magic(reader, reader.read_u32(Message("magic number")), kLabelsMagic, false);
    const std::uint32_t count = reader.read_u32(Message("label count"));
    require_count(reader, count);
    std::vector<std::uint8_t> labels(count);
    reader.read_exactly(labels.data(), labels.size(),
                        Message("{count} labels", {{"count", count}}));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] > 9) {
            throw InputError(Message("{path}: label {label} of item {item} is not a digit 0-9",
                                     {{"path", path}, {"label", labels[i]}, {"item", i}}));
        }
    }
    return labels;
}

Dataset read_idx_pair(const std::string& images_path, const std::string& labels_path) {
    Dataset data = read_idx_images(images_path);
    data.labels = read_idx_labels(labels_path);
    if (data.labels.size() != static_cast<std::size_t>(data.count)) {
        throw InputError(Message(
            "{images} holds {count} images but {labels} holds {label_count} labels: the counts "
            "must match",
            {{"images", images_path},
             {"count", data.count},
             {"labels", labels_path},
             {"label_count", data.labels.size()}}));
    }
    return data;
}

MnistData load_mnist(const std::string& folder) {
    if (!is_folder(folder)) {
        throw InputError(Message("MNIST folder '{folder}' does not exist", {{"folder", folder}}));
    }
    MnistData data;
    data.folder = folder;
    data.train =
        read_idx_pair(find_file(folder, kMnistTrainImages), find_file(folder, kMnistTrainLabels));
    data.test =
        read_idx_pair(find_file(folder, kMnistTestImages), find_file(folder, kMnistTestLabels));
    return data;
}

}  // namespace convscope
