// safetensors with PyTorch names: the layout and names nn.Sequential would have, a
// round trip through save_weights/read_weights chosen by the extension, a file without
// metadata found by its tensors, and one-line errors for every malformed header.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/formats/safetensors_file.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;
using nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The header as JSON, and the data after it.
json header_of(const std::string& bytes) {
    std::uint64_t length = 0;
    for (int i = 0; i < 8; ++i)
        length |= std::uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
    return json::parse(bytes.substr(8, length));
}

// A file with `header` (dumped) and `data_bytes` zero bytes of data.
std::string file_with(const json& header, std::size_t data_bytes) {
    const std::string text = header.dump();
    std::string bytes;
    for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((text.size() >> (8 * i)) & 0xff));
    return bytes + text + std::string(data_bytes, '\0');
}

std::string parse_error(const std::string& bytes) {
    return input_error_of([&] { parse_safetensors(bytes, "w.safetensors"); });
}

}  // namespace

TEST_CASE("the names count every layer as nn.Sequential does, the layouts are PyTorch's") {
    const std::vector<ParameterTensor> layout = pytorch_parameter_layout(simpleconvnet_spec());
    // conv, relu, maxpool, flatten, linear, relu, linear
    REQUIRE(layout.size() == 6);
    CHECK(layout[0].name == "0.weight");
    CHECK(layout[0].shape == std::vector<int>{30, 1, 5, 5});
    CHECK(layout[1].name == "0.bias");
    CHECK(layout[2].name == "4.weight");
    CHECK(layout[2].shape == std::vector<int>{100, 30 * 12 * 12});
    CHECK(layout[4].name == "6.weight");
    CHECK(layout[5].shape == std::vector<int>{10});
    const std::vector<ParameterTensor> lenet = pytorch_parameter_layout(lenet_spec());
    CHECK(lenet[2].name == "3.weight");  // conv, relu, maxpool, conv
    CHECK(lenet[4].name == "7.weight");
}

TEST_CASE("safetensors survive save_weights and read_weights, chosen by the extension") {
    TempFolder folder;
    Network<float> saved(lenet_spec(), 2);
    saved.initialize(5);
    const std::string path = folder.file("w.safetensors");
    save_weights(path, saved);
    const std::string bytes = read_all(path);
    CHECK(bytes.compare(0, 8, "CSWEIGHT") != 0);
    const json header = header_of(bytes);
    CHECK(header["__metadata__"]["architecture"] == saved.architecture());
    CHECK(header["0.weight"]["dtype"] == "F32");
    CHECK(header["0.weight"]["shape"] == json::array({6, 1, 5, 5}));
    // The data starts 8-byte aligned, as the Hugging Face writer keeps it.
    CHECK((bytes.size() - saved.parameter_count() * 4) % 8 == 0);

    Network<float> loaded(lenet_spec(), 2);
    load_weights(path, loaded);
    CHECK(std::equal(saved.parameters(), saved.parameters() + saved.parameter_count(),
                     loaded.parameters()));
    // The temporary was renamed onto the file; nothing else is left.
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);
    // A native file still reads as before.
    save_weights(folder.file("w.weights"), saved);
    CHECK(read_weights(folder.file("w.weights")).parameters == read_weights(path).parameters);
}

TEST_CASE("a file without metadata, in any tensor order, is found by its names and shapes") {
    Network<float> saved(simpleconvnet_spec(), 1);
    saved.initialize(9);
    const std::string bytes =
        safetensors_bytes(saved.spec(), saved.parameters(), saved.parameter_count());
    json header = header_of(bytes);
    header.erase("__metadata__");
    std::string text = header.dump();
    std::string rebuilt;
    for (int i = 0; i < 8; ++i)
        rebuilt.push_back(static_cast<char>((text.size() >> (8 * i)) & 0xff));
    rebuilt += text + bytes.substr(bytes.size() - saved.parameter_count() * 4);
    const WeightsFile file = parse_safetensors(rebuilt, "w.safetensors");
    CHECK(file.architecture == saved.architecture());
    CHECK(std::equal(file.parameters.begin(), file.parameters.end(), saved.parameters()));
}

TEST_CASE("malformed safetensors headers get one-line errors naming the problem") {
    const NetworkSpec spec = simpleconvnet_spec();
    Network<float> network(spec, 1);
    const std::string good =
        safetensors_bytes(spec, network.parameters(), network.parameter_count());
    const std::size_t data = network.parameter_count() * 4;
    const json header = header_of(good);

    CHECK(contains(parse_error("abc"), "shorter than the 8-byte header length"));
    std::string huge = good;
    huge[7] = 0x7f;
    CHECK(contains(parse_error(huge), "header length"));
    CHECK(contains(parse_error(good.substr(0, 40)), "header length"));
    CHECK(contains(parse_error(file_with(json::array({1, 2}), 0)), "not a JSON object"));
    std::string broken = good;
    broken[9] = '!';
    CHECK(contains(parse_error(broken), "not a JSON object"));

    json f64 = header;
    f64["0.bias"]["dtype"] = "F64";
    CHECK(contains(parse_error(file_with(f64, data)), "is F64"));
    json outside = header;
    outside["0.bias"]["data_offsets"] = {data, data + 120};
    CHECK(contains(parse_error(file_with(outside, data)), "outside the"));
    json wrong_size = header;
    wrong_size["0.bias"]["shape"] = {31};
    CHECK(contains(parse_error(file_with(wrong_size, data)), "needs 124 bytes"));
    json overlap = header;
    overlap["0.bias"]["data_offsets"] = header["0.weight"]["data_offsets"];
    overlap["0.bias"]["shape"] = header["0.weight"]["shape"];
    CHECK(contains(parse_error(file_with(overlap, data)), "overlaps another"));
    CHECK(
        contains(parse_error(file_with(header, data + 8)), "8 bytes of data belong to no tensor"));
    json no_offsets = header;
    no_offsets["0.bias"].erase("data_offsets");
    CHECK(contains(parse_error(file_with(no_offsets, data)), "needs \"dtype\""));
    json metadata = header;
    metadata["__metadata__"]["architecture"] = 3;
    CHECK(contains(parse_error(file_with(metadata, data)), "__metadata__"));

    // Shapes and names checked against the architecture the metadata names.
    json transposed = header;
    transposed["4.weight"]["shape"] = {4320, 100};
    CHECK(contains(parse_error(file_with(transposed, data)), "has shape (4320, 100)"));
    json renamed = header;
    renamed["conv1.weight"] = renamed["0.weight"];
    renamed.erase("0.weight");
    CHECK(contains(parse_error(file_with(renamed, data)), "'0.weight' is missing"));
    json unknown = header;
    unknown.erase("__metadata__");
    unknown["4.weight"]["shape"] = {4320, 100};
    CHECK(contains(parse_error(file_with(unknown, data)), "match no network"));
    for (const std::string& message :
         {parse_error("abc"), parse_error(file_with(wrong_size, data))})
        CHECK_FALSE(contains(message, "\n"));
}
