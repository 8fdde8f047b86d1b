// Weights files: a round trip, and clear errors for a corrupt, truncated, foreign or
// other-architecture file; writes leave no temporary file behind.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/formats/weights_file.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("weights survive a save and load") {
    TempFolder folder;
    Network<float> saved(simpleconvnet_spec(), 4);
    saved.initialize(3);
    save_weights(folder.file("w.bin"), saved);
    Network<float> loaded(simpleconvnet_spec(), 4);
    load_weights(folder.file("w.bin"), loaded);
    CHECK(std::equal(saved.parameters(), saved.parameters() + saved.parameter_count(),
                     loaded.parameters()));
    // Only the file itself: the temporary was renamed onto it.
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);
    CHECK(spec_for_architecture(read_weights(folder.file("w.bin")).architecture, "w").name ==
          "simpleconvnet");
}

TEST_CASE("saving again replaces the file") {
    TempFolder folder;
    save_weights(folder.file("w.bin"), "arch", std::vector<float>{1, 2}.data(), 2);
    save_weights(folder.file("w.bin"), "arch", std::vector<float>{3}.data(), 1);
    CHECK(read_weights(folder.file("w.bin")).parameters == std::vector<float>{3});
}

TEST_CASE("a flipped byte fails the checksum") {
    TempFolder folder;
    save_weights(folder.file("w.bin"), "arch", std::vector<float>{1, 2, 3}.data(), 3);
    std::string bytes = read_all(folder.file("w.bin"));
    bytes[bytes.size() - 8] ^= 0x10;  // inside the parameters
    write_all(folder.file("w.bin"), bytes);
    const std::string message = input_error_of([&] { read_weights(folder.file("w.bin")); });
    CHECK(contains(message, folder.file("w.bin")));
    CHECK(contains(message, "corrupt"));
}

TEST_CASE("a truncated weights file is reported") {
    TempFolder folder;
    save_weights(folder.file("w.bin"), "arch", std::vector<float>{1, 2, 3}.data(), 3);
    const std::string bytes = read_all(folder.file("w.bin"));
    for (std::size_t keep : {std::size_t(4), std::size_t(14), bytes.size() - 6, bytes.size() - 1}) {
        write_all(folder.file("w.bin"), bytes.substr(0, keep));
        INFO("kept " << keep << " bytes");
        CHECK(contains(input_error_of([&] { read_weights(folder.file("w.bin")); }), "truncated"));
    }
}

TEST_CASE("a file that is not a weights file and a future version are refused") {
    TempFolder folder;
    write_all(folder.file("photo.png"), "\x89PNG\r\n\x1a\n and more bytes");
    CHECK(contains(input_error_of([&] { read_weights(folder.file("photo.png")); }),
                   "not a convscope weights file"));
    save_weights(folder.file("w.bin"), "arch", std::vector<float>{1}.data(), 1);
    std::string bytes = read_all(folder.file("w.bin"));
    bytes[8] = 9;  // version 9
    write_all(folder.file("w.bin"), bytes);
    CHECK(contains(input_error_of([&] { read_weights(folder.file("w.bin")); }), "version 9"));
    CHECK(
        contains(input_error_of([&] { read_weights(folder.file("missing.bin")); }), "cannot open"));
}

TEST_CASE("weights of another architecture are refused with both names") {
    TempFolder folder;
    Network<float> lenet(lenet_spec(), 2);
    save_weights(folder.file("lenet.bin"), lenet);
    Network<float> simple(simpleconvnet_spec(), 2);
    const std::string message =
        input_error_of([&] { load_weights(folder.file("lenet.bin"), simple); });
    CHECK(contains(message, "another architecture"));
    CHECK(contains(message, lenet.architecture()));
    CHECK(contains(message, simple.architecture()));
    CHECK(contains(input_error_of([&] { spec_for_architecture("input 1x2x2 | softmax", "f"); }),
                   "no preset"));
}
