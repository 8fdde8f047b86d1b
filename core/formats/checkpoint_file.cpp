#include "core/formats/checkpoint_file.hpp"

#include <zlib.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "core/formats/atomic_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

constexpr char kMagic[8] = {'C', 'S', 'C', 'H', 'E', 'C', 'K', 'P'};

std::uint32_t crc_of(const char* bytes, std::size_t length) {
    return static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(bytes), static_cast<uInt>(length)));
}

class Writer {
  public:
    std::string bytes{kMagic, sizeof kMagic};

    void u(std::uint64_t value, int size) {
        for (int i = 0; i < size; ++i)
            bytes.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
    }
    void i32(int value) { u(static_cast<std::uint32_t>(value), 4); }
    void i64(std::int64_t value) { u(static_cast<std::uint64_t>(value), 8); }
    void f32(float value) {
        std::uint32_t bits;
        std::memcpy(&bits, &value, 4);
        u(bits, 4);
    }
    void f64(double value) {
        std::uint64_t bits;
        std::memcpy(&bits, &value, 8);
        u(bits, 8);
    }
    void text(const std::string& value) {
        u(value.size(), 8);
        bytes += value;
    }
    void floats(const std::vector<float>& values) {
        u(values.size(), 8);
        for (float value : values) f32(value);
    }
};

// Reads fields in order; the checksum was checked first, so running out of bytes means
// a file of another layout, reported as truncated.
class Reader {
  public:
    Reader(const std::string& bytes, std::size_t end, const std::string& path)
        : bytes_(bytes), end_(end), path_(path) {}

    std::uint64_t u(int size) {
        need(size);
        std::uint64_t value = 0;
        for (int i = 0; i < size; ++i)
            value |= std::uint64_t(static_cast<unsigned char>(bytes_[position_ + i])) << (8 * i);
        position_ += size;
        return value;
    }
    int i32() { return static_cast<int>(static_cast<std::int32_t>(u(4))); }
    std::int64_t i64() { return static_cast<std::int64_t>(u(8)); }
    float f32() {
        const std::uint32_t bits = static_cast<std::uint32_t>(u(4));
        float value;
        std::memcpy(&value, &bits, 4);
        return value;
    }
    double f64() {
        const std::uint64_t bits = u(8);
        double value;
        std::memcpy(&value, &bits, 8);
        return value;
    }
    std::string text() {
        const std::size_t size = length(1);
        std::string value = bytes_.substr(position_, size);
        position_ += size;
        return value;
    }
    std::vector<float> floats() {
        std::vector<float> values(length(4));
        for (float& value : values) value = f32();
        return values;
    }
    // A count of items `item_size` bytes each, checked against the bytes left.
    std::size_t length(std::size_t item_size) {
        const std::uint64_t count = u(8);
        if (count > (end_ - position_) / item_size) truncated();
        return static_cast<std::size_t>(count);
    }
    bool at_end() const { return position_ == end_; }

  private:
    void need(std::size_t size) {
        if (end_ - position_ < size) truncated();
    }
    [[noreturn]] void truncated() {
        throw InputError(path_ + ": training checkpoint is truncated or of another layout");
    }
    const std::string& bytes_;
    std::size_t end_;
    const std::string& path_;
    std::size_t position_ = sizeof kMagic;
};

void write_settings(Writer& out, const TrainSettings& s) {
    out.text(s.net);
    out.i32(s.epochs);
    out.i32(s.batch);
    out.text(optimizer_name(s.optimizer));
    out.f32(s.learning_rate);
    out.text(lr_decay_name(s.decay));
    out.i32(s.train_images);
    out.i32(s.seed);
    out.i32(s.threads);
}

TrainSettings read_settings(Reader& in) {
    TrainSettings s;
    s.net = in.text();
    s.epochs = in.i32();
    s.batch = in.i32();
    s.optimizer = parse_optimizer_kind(in.text());
    s.learning_rate = in.f32();
    s.decay = parse_lr_decay(in.text());
    s.train_images = in.i32();
    s.seed = in.i32();
    s.threads = in.i32();
    return s;
}

void write_trainer(Writer& out, const TrainerState& t) {
    out.i32(t.epoch);
    out.i32(t.next_batch);
    out.i64(t.steps_done);
    out.u(t.random_state, 8);
    out.u(t.order.size(), 8);
    for (int index : t.order) out.i32(index);
    out.i64(t.optimizer.steps);
    out.u(t.optimizer.buffers.size(), 8);
    for (const std::vector<float>& buffer : t.optimizer.buffers) out.floats(buffer);
}

TrainerState read_trainer(Reader& in) {
    TrainerState t;
    t.epoch = in.i32();
    t.next_batch = in.i32();
    t.steps_done = in.i64();
    t.random_state = in.u(8);
    t.order.resize(in.length(4));
    for (int& index : t.order) index = in.i32();
    t.optimizer.steps = in.i64();
    t.optimizer.buffers.resize(in.length(8));
    for (std::vector<float>& buffer : t.optimizer.buffers) buffer = in.floats();
    return t;
}

}  // namespace

void save_checkpoint(const std::string& path, const TrainingCheckpoint& c) {
    Writer out;
    out.u(kCheckpointFormatVersion, 4);
    write_settings(out, c.settings);
    out.text(c.architecture);
    out.u(c.data_checksum, 4);
    out.i32(c.epochs_done);
    out.i32(c.batches_done);
    out.f64(c.loss_sum);
    out.i64(c.correct);
    out.i64(c.seen);
    out.f64(c.epoch_seconds);
    out.f64(c.training_seconds);
    out.i64(c.trained_images);
    out.u(c.history.size(), 8);
    for (const EpochRecord& epoch : c.history) {
        out.f64(epoch.loss);
        out.f64(epoch.train_accuracy);
        out.f64(epoch.test_accuracy);
        out.f64(epoch.images_per_second);
    }
    write_trainer(out, c.trainer);
    out.floats(c.parameters);
    out.u(crc_of(out.bytes.data(), out.bytes.size()), 4);
    write_file_atomically(path, out.bytes, std::string("training checkpoint"));
}

TrainingCheckpoint read_checkpoint(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw InputError(path + ": cannot open the training checkpoint");
    const std::string bytes((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
        throw InputError(path + ": not a convscope training checkpoint (it does not start with " +
                         "CSCHECKP)");
    }
    if (bytes.size() < sizeof kMagic + 8) {
        throw InputError(path + ": training checkpoint is truncated");
    }
    const std::size_t end = bytes.size() - 4;
    Reader in(bytes, end, path);
    const std::uint64_t version = in.u(4);
    if (version != kCheckpointFormatVersion) {
        throw InputError(path + ": checkpoint format version " + std::to_string(version) +
                         " is not supported (this build reads version " +
                         std::to_string(kCheckpointFormatVersion) + ")");
    }
    std::uint32_t stored = 0;
    for (int i = 0; i < 4; ++i)
        stored |= std::uint32_t(static_cast<unsigned char>(bytes[end + i])) << (8 * i);
    if (stored != crc_of(bytes.data(), end)) {
        throw InputError(path + ": training checkpoint is corrupt or truncated (checksum " +
                         "mismatch): resume from another checkpoint or start again");
    }
    TrainingCheckpoint c;
    c.settings = read_settings(in);
    c.architecture = in.text();
    c.data_checksum = static_cast<std::uint32_t>(in.u(4));
    c.epochs_done = in.i32();
    c.batches_done = in.i32();
    c.loss_sum = in.f64();
    c.correct = in.i64();
    c.seen = in.i64();
    c.epoch_seconds = in.f64();
    c.training_seconds = in.f64();
    c.trained_images = in.i64();
    c.history.resize(in.length(32));
    for (EpochRecord& epoch : c.history) {
        epoch.loss = in.f64();
        epoch.train_accuracy = in.f64();
        epoch.test_accuracy = in.f64();
        epoch.images_per_second = in.f64();
    }
    c.trainer = read_trainer(in);
    c.parameters = in.floats();
    if (!in.at_end()) throw InputError(path + ": training checkpoint has extra bytes (corrupt)");
    return c;
}

std::uint32_t dataset_checksum(const Dataset& data) {
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, data.labels.data(), static_cast<uInt>(data.labels.size()));
    crc = crc32(crc, data.pixels.data(), static_cast<uInt>(data.pixels.size()));
    return static_cast<std::uint32_t>(crc);
}

}  // namespace convscope
