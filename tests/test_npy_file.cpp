// NumPy .npy files: round trips of every rank, the bytes np.save writes (fixtures made by
// tools/make_npy_fixtures.py with Debian's numpy), the dtypes numpy users hand us, and a
// one-line error naming the file for each malformed file.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/formats/npy_file.hpp"
#include "core/formats/npy_header.hpp"
#include "core/tensor/check.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

const std::string kFixtures = std::string(CONVSCOPE_FIXTURE_DIR) + "/npy/";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// A version 1.0 file with header dict `dict` (padded as numpy pads) and raw `data`.
std::string npy_file(const std::string& dict, const std::string& data) {
    std::string header = dict;
    header += std::string(64 - (10 + header.size() + 1) % 64, ' ') + '\n';
    std::string bytes = "\x93NUMPY";
    bytes += '\x01';
    bytes += '\x00';
    bytes += static_cast<char>(header.size() & 0xff);
    bytes += static_cast<char>(header.size() >> 8);
    return bytes + header + data;
}

std::string float_bytes(std::initializer_list<float> values) {
    std::string bytes;
    for (float v : values) bytes.append(reinterpret_cast<const char*>(&v), 4);  // x86: LE
    return bytes;
}

// The error decode_npy gives for `bytes` named "bad.npy"; it must be one line.
std::string decode_error(const std::string& bytes) {
    const std::string message = input_error_of([&] { decode_npy(bytes, "bad.npy"); });
    CHECK(message.find('\n') == std::string::npos);
    if (!message.empty()) CHECK(message.rfind("bad.npy: ", 0) == 0);
    return message;
}

std::string dict_error(const std::string& dict, const std::string& data = float_bytes({1})) {
    return decode_error(npy_file(dict, data));
}

Tensor counting(std::vector<int> shape, float scale, float offset) {
    Tensor t(std::move(shape));
    for (std::size_t i = 0; i < t.size(); ++i) t.data()[i] = static_cast<float>(i) * scale + offset;
    return t;
}

}  // namespace

TEST_CASE("tensors of rank 1 to 4 survive write_npy and read_npy") {
    TempFolder folder;
    const std::vector<std::vector<int>> shapes = {
        {7}, {3, 5}, {2, 3, 4}, {2, 3, 4, 5}, {1, 1, 1, 1}};
    for (const std::vector<int>& shape : shapes) {
        CAPTURE(shape_text(shape));
        Tensor saved = counting(shape, -0.37f, 1.5f);
        saved.data()[0] = -0.0f;
        saved.data()[saved.size() - 1] = 1e-40f;  // a subnormal keeps its bits
        write_npy(folder.file("t.npy"), saved);
        const Tensor loaded = read_npy(folder.file("t.npy"));
        CHECK(loaded.shape() == shape);
        REQUIRE(loaded.size() == saved.size());
        CHECK(std::memcmp(loaded.data(), saved.data(), saved.size() * 4) == 0);
    }
    // Only the file itself: the temporary was renamed onto it.
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("encode_npy writes the bytes np.save writes") {
    const Tensor grid({2, 3}, {0.5f, -1, 2, 3.25f, 0, -7});
    CHECK(encode_npy(grid) == read_all(kFixtures + "f4_2x3.npy"));
    CHECK(encode_npy(counting({5}, 1, -2)) == read_all(kFixtures + "f4_5.npy"));
    CHECK(encode_npy(counting({2, 1, 3, 10}, 0.25f, 0)) == read_all(kFixtures + "f4_2x1x3x10.npy"));
}

TEST_CASE("the data starts at a multiple of 64 bytes, after a newline") {
    for (const std::vector<int>& shape : std::vector<std::vector<int>>{
             {1}, {9}, {10}, {12345}, {2, 3}, {1000, 1}, {3, 3, 3}, {1, 2, 3, 4}}) {
        CAPTURE(shape_text(shape));
        const std::string bytes = encode_npy(Tensor(shape));
        const std::size_t header =
            static_cast<unsigned char>(bytes[8]) + 256u * static_cast<unsigned char>(bytes[9]);
        CHECK((10 + header) % 64 == 0);
        CHECK(bytes[10 + header - 1] == '\n');
        CHECK(bytes.size() == 10 + header + Tensor(shape).size() * 4);
        CHECK(contains(bytes.substr(10, header), npy_header_dict(shape)));
    }
}

TEST_CASE("numpy's other dtypes, versions and scalars are read as float32") {
    const Tensor f8 = read_npy(kFixtures + "f8_2x2.npy");
    CHECK(f8.shape() == std::vector<int>{2, 2});
    CHECK(f8.values() == std::vector<float>{1.5f, -2, 1e-3f, 4096});
    CHECK(read_npy(kFixtures + "i4_3.npy").values() == std::vector<float>{-3, 0, 70000});
    CHECK(read_npy(kFixtures + "i8_2x2.npy").values() == std::vector<float>{-1, 2, 1 << 20, 7});
    const Tensor u1 = read_npy(kFixtures + "u1_2x3.npy");
    CHECK(u1.shape() == std::vector<int>{2, 3});
    CHECK(u1.values() == std::vector<float>{0, 1, 255, 128, 7, 9});
    const Tensor scalar = read_npy(kFixtures + "scalar.npy");
    CHECK(scalar.shape() == std::vector<int>{1});
    CHECK(scalar.values() == std::vector<float>{2.5f});
    const std::vector<float> grid = {0.5f, -1, 2, 3.25f, 0, -7};
    for (const char* name : {"f4_2x3.npy", "v2_2x3.npy", "v3_2x3.npy"}) {
        CAPTURE(name);
        const Tensor t = read_npy(kFixtures + name);
        CHECK(t.shape() == std::vector<int>{2, 3});
        CHECK(t.values() == grid);
    }
}

TEST_CASE("arrays numpy writes but convscope cannot use are refused by name") {
    const auto error_of = [](const std::string& name) {
        const std::string message = input_error_of([&] { read_npy(kFixtures + name); });
        CHECK(contains(message, kFixtures + name + ": "));
        return message;
    };
    CHECK(contains(error_of("fortran_2x3.npy"), "fortran_order is True"));
    CHECK(contains(error_of("big_endian_2x3.npy"), "big-endian data ('>f4')"));
    CHECK(contains(error_of("object_3.npy"), "object arrays ('|O')"));
    CHECK(contains(error_of("rank5.npy"), "has rank 5; convscope tensors have rank 1 to 4"));
    CHECK(contains(error_of("c8_2.npy"), "dtype '<c8' is not supported"));
}

TEST_CASE("a truncated or padded file is refused before values are read") {
    const std::string good = read_all(kFixtures + "f4_2x3.npy");
    CHECK(decode_error(good).empty());
    CHECK(
        contains(decode_error(good.substr(0, good.size() - 1)),
                 "the data is truncated: shape (2, 3) of '<f4' needs 24 bytes, the file holds 23"));
    CHECK(contains(decode_error(good + "x"), "the data is too long"));
    CHECK(contains(decode_error(good.substr(0, 40)), "truncated (it ends in the header)"));
    CHECK(contains(decode_error(good.substr(0, 9)), "truncated (it ends in the header length)"));
    CHECK(contains(decode_error(""), "not a NumPy .npy file"));
    CHECK(contains(decode_error("PK\x03\x04 a zip"), "not a NumPy .npy file"));
    std::string version4 = good;
    version4[6] = '\x04';
    CHECK(contains(decode_error(version4), "version 4.0 is not supported"));
    std::string long_header = good;
    long_header[8] = '\xff';
    long_header[9] = '\xff';
    CHECK(contains(decode_error(long_header), "the header claims 65535 bytes"));
}

TEST_CASE("absurd shapes are refused without allocating") {
    const std::string f4 = "{'descr': '<f4', 'fortran_order': False, 'shape': ";
    // The product overflows 64 bits: caught before multiplying.
    CHECK(contains(dict_error(f4 + "(4294967296, 4294967296, 4294967296), }"),
                   "holds more values than this build reads"));
    CHECK(contains(dict_error(f4 + "(99999999999999999999999,), }"), "absurdly large dimension"));
    // Within the budget but more than the file holds.
    CHECK(contains(dict_error(f4 + "(1000, 1000), }"), "needs 4000000 bytes, the file holds 4"));
    CHECK(contains(dict_error(f4 + "(0, 3), }", ""), "shape (0, 3) has no values"));
    CHECK(contains(dict_error(f4 + "(-1,), }"), "negative dimension"));
    CHECK(contains(dict_error(f4 + "(1, 1, 1, 1, 1), }"), "has rank 5"));
    CHECK(dict_error(f4 + "(1L,), }").empty());  // Python 2's long suffix
}

TEST_CASE("headers that are not numpy's dict are refused with the place") {
    CHECK(contains(dict_error("{'descr': '<f4', 'shape': (1,), }"), "lacks 'fortran_order'"));
    CHECK(contains(dict_error("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}"),
                   "unknown key 'x'"));
    CHECK(contains(dict_error("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}"),
                   "structured arrays"));
    CHECK(contains(dict_error("{'descr': '<f4', 'fortran_order': maybe, 'shape': (1,)}"),
                   "expected True or False for fortran_order at character"));
    CHECK(contains(dict_error("['descr', '<f4']"), "expected the header to start with '{'"));
    CHECK(contains(dict_error("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} x"),
                   "nothing but padding"));
    CHECK(contains(dict_error("{'descr': '<f4', 'fortran_order': False, 'shape': (1 2)}"),
                   "',' or ')' in the shape"));
    // A quoted newline or a long key would break the one-line message that quotes it.
    CHECK(contains(dict_error("{'fort\nran_order': False}"), "printable characters"));
    CHECK(contains(dict_error("{'" + std::string(500, 'k') + "': 1}"), "at most 40 characters"));
    // Double quotes and no trailing comma are still Python literals numpy would eval.
    CHECK(dict_error("{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (1,)}").empty());
}

TEST_CASE("values that are not finite float32 are refused") {
    const std::string f4 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
    CHECK(contains(dict_error(f4, float_bytes({1, std::nanf("")})), "value 1 is not a finite"));
    double huge = 1e300;
    const std::string f8 = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }";
    CHECK(contains(dict_error(f8, std::string(reinterpret_cast<const char*>(&huge), 8)),
                   "value 0 is not a finite"));
}

TEST_CASE("read_npy names a folder, a missing file and an unwritable path") {
    TempFolder folder;
    CHECK(input_error_of([&] { read_npy(folder.path()); }) ==
          folder.path() + ": is a folder, not a .npy file");
    CHECK(input_error_of([&] { read_npy(folder.file("none.npy")); }) ==
          folder.file("none.npy") + ": no such .npy file");
    const std::string message =
        input_error_of([&] { write_npy(folder.file("no/such/folder/x.npy"), Tensor({2})); });
    CHECK(contains(message, "cannot write .npy file '" + folder.file("no/such/folder/x.npy")));
    write_all(folder.file("text.npy"), "hello\n");
    CHECK(contains(input_error_of([&] { read_npy(folder.file("text.npy")); }),
                   "text.npy: not a NumPy .npy file"));
}

TEST_CASE("has_npy_extension looks at the end only") {
    CHECK(has_npy_extension("a.npy"));
    CHECK(has_npy_extension("dir/B.NPY"));
    CHECK_FALSE(has_npy_extension("a.npy.json"));
    CHECK_FALSE(has_npy_extension("[[1,2]]"));
    CHECK_FALSE(has_npy_extension("npy"));
}
