// MNIST IDX reading, raw and gzipped, and every broken-file case with a message that
// names the file and the problem. Broken files are made in a temporary folder.
#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <vector>

#include "core/formats/mnist_idx.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

using Bytes = std::vector<std::uint8_t>;

void put_u32(Bytes& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back((value >> shift) & 0xff);
}

// An IDX3 images file: header, then pixel i of image n = (n * 7 + i) % 256.
Bytes images_file(std::uint32_t count, std::uint32_t rows = 28, std::uint32_t cols = 28,
                  std::uint32_t magic = 0x803) {
    Bytes bytes;
    put_u32(bytes, magic);
    put_u32(bytes, count);
    put_u32(bytes, rows);
    put_u32(bytes, cols);
    for (std::uint32_t n = 0; n < count; ++n)
        for (std::uint32_t i = 0; i < rows * cols; ++i) bytes.push_back((n * 7 + i) % 256);
    return bytes;
}

Bytes labels_file(std::uint32_t count, std::uint32_t magic = 0x801) {
    Bytes bytes;
    put_u32(bytes, magic);
    put_u32(bytes, count);
    for (std::uint32_t n = 0; n < count; ++n) bytes.push_back(n % 10);
    return bytes;
}

void write_raw(const std::string& path, const Bytes& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

void write_gz(const std::string& path, const Bytes& bytes) {
    gzFile file = gzopen(path.c_str(), "wb");
    REQUIRE(file != nullptr);
    REQUIRE(gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())) == int(bytes.size()));
    gzclose(file);
}

// A folder with the four files (train 5 images, test 3), gzipped or raw.
void write_mnist(const TempFolder& folder, bool gz) {
    auto write = [&](const char* name, const Bytes& bytes) {
        if (gz) {
            write_gz(folder.file(std::string(name) + ".gz"), bytes);
        } else {
            write_raw(folder.file(name), bytes);
        }
    };
    write(kMnistTrainImages, images_file(5));
    write(kMnistTrainLabels, labels_file(5));
    write(kMnistTestImages, images_file(3));
    write(kMnistTestLabels, labels_file(3));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a folder of raw IDX files loads with its values") {
    TempFolder folder;
    write_mnist(folder, false);
    const MnistData data = load_mnist(folder.path());
    CHECK(data.train.count == 5);
    CHECK(data.test.count == 3);
    CHECK(data.train.rows == 28);
    CHECK(data.train.pixels[784 * 2 + 10] == (2 * 7 + 10) % 256);
    CHECK(data.train.labels == std::vector<std::uint8_t>{0, 1, 2, 3, 4});
    std::vector<float> image(784);
    data.train.image_as_floats(1, image.data());
    CHECK(image[3] == doctest::Approx((7 + 3) / 255.0));
}

TEST_CASE("gzipped IDX files load the same values") {
    TempFolder raw, gz;
    write_mnist(raw, false);
    write_mnist(gz, true);
    const MnistData a = load_mnist(raw.path()), b = load_mnist(gz.path());
    CHECK(a.train.pixels == b.train.pixels);
    CHECK(a.test.labels == b.test.labels);
}

TEST_CASE("a missing folder is named") {
    const std::string message = input_error_of([] { load_mnist("/nonexistent/mnist"); });
    CHECK(contains(message, "/nonexistent/mnist"));
    CHECK(contains(message, "does not exist"));
}

TEST_CASE("a missing file is named") {
    TempFolder folder;
    write_mnist(folder, false);
    std::remove(folder.file(kMnistTestLabels).c_str());
    const std::string message = input_error_of([&] { load_mnist(folder.path()); });
    CHECK(contains(message, kMnistTestLabels));
    CHECK(contains(message, "has no"));
}

TEST_CASE("a truncated raw images file is reported with its name") {
    TempFolder folder;
    Bytes bytes = images_file(4);
    bytes.resize(bytes.size() - 100);
    write_raw(folder.file("images"), bytes);
    const std::string message = input_error_of([&] { read_idx_images(folder.file("images")); });
    CHECK(contains(message, folder.file("images")));
    CHECK(contains(message, "truncated"));
}

TEST_CASE("a truncated header is reported") {
    TempFolder folder;
    Bytes bytes = labels_file(4);
    bytes.resize(6);
    write_raw(folder.file("labels"), bytes);
    const std::string message = input_error_of([&] { read_idx_labels(folder.file("labels")); });
    CHECK(contains(message, "truncated"));
    CHECK(contains(message, "header"));
}

TEST_CASE("a truncated gzip file is reported") {
    TempFolder folder;
    write_gz(folder.file("full.gz"), images_file(20));
    std::ifstream in(folder.file("full.gz"), std::ios::binary);
    Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes.resize(bytes.size() / 2);
    write_raw(folder.file("cut.gz"), bytes);
    const std::string message = input_error_of([&] { read_idx_images(folder.file("cut.gz")); });
    CHECK(contains(message, folder.file("cut.gz")));
    CHECK(contains(message, "truncated"));
}

TEST_CASE("a wrong magic number is reported with both values") {
    TempFolder folder;
    write_raw(folder.file("images"), images_file(2, 28, 28, 0x801));
    const std::string message = input_error_of([&] { read_idx_images(folder.file("images")); });
    CHECK(contains(message, folder.file("images")));
    CHECK(contains(message, "wrong magic number 0x00000801"));
    CHECK(contains(message, "0x00000803"));
}

TEST_CASE("image and label counts that disagree are reported") {
    TempFolder folder;
    write_raw(folder.file("images"), images_file(5));
    write_raw(folder.file("labels"), labels_file(4));
    const std::string message =
        input_error_of([&] { read_idx_pair(folder.file("images"), folder.file("labels")); });
    CHECK(contains(message, "5 images"));
    CHECK(contains(message, "4 labels"));
}

TEST_CASE("images that are not 28x28 are reported") {
    TempFolder folder;
    write_raw(folder.file("images"), images_file(2, 32, 28));
    const std::string message = input_error_of([&] { read_idx_images(folder.file("images")); });
    CHECK(contains(message, folder.file("images")));
    CHECK(contains(message, "32x28, expected 28x28"));
}

TEST_CASE("a label that is not a digit is reported") {
    TempFolder folder;
    Bytes bytes = labels_file(3);
    bytes.back() = 12;
    write_raw(folder.file("labels"), bytes);
    const std::string message = input_error_of([&] { read_idx_labels(folder.file("labels")); });
    CHECK(contains(message, "label 12 of item 2"));
}

TEST_CASE("a header that claims absurd counts is refused before allocating") {
    TempFolder folder;
    Bytes bytes;
    put_u32(bytes, 0x801);
    put_u32(bytes, 0xffffffffu);
    write_raw(folder.file("labels"), bytes);
    CHECK(contains(input_error_of([&] { read_idx_labels(folder.file("labels")); }), "items"));
}
