// What the ONNX import refuses, each with one line naming the problem: unsupported ops
// and attributes, dynamic image sizes, too many parameters, broken files. Bad models are
// the fixtures changed here through ONNX's protobuf classes; a fuzz pass flips bytes.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <random>

#include "core/onnx/onnx_import.hpp"
#include "core/onnx/onnx_runner.hpp"
#include "onnx/onnx_pb.h"
#include "onnx_fixture.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using convscope::testing::input_error_of;
using convscope::testing::onnx_fixture;
using convscope::testing::TempFolder;

namespace {

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// The error of loading `fixture` after `change` (empty when it loads).
std::string error_after(const std::string& fixture,
                        const std::function<void(onnx::ModelProto&)>& change) {
    onnx::ModelProto model;
    REQUIRE(model.ParseFromString(read_bytes(onnx_fixture(fixture))));
    change(model);
    TempFolder folder;
    write_bytes(folder.file("bad.onnx"), model.SerializeAsString());
    return input_error_of([&] { load_onnx(folder.file("bad.onnx")); });
}

onnx::NodeProto& node_of_type(onnx::ModelProto& model, const std::string& op) {
    for (auto& node : *model.mutable_graph()->mutable_node())
        if (node.op_type() == op) return node;
    FAIL("no " << op);
    return *model.mutable_graph()->mutable_node(0);
}

bool one_line(const std::string& text) {
    return text.find('\n') == std::string::npos;
}

}  // namespace

TEST_CASE("an unsupported op is named with its node and the supported ops") {
    const std::string error = input_error_of([] { load_onnx(onnx_fixture("unsupported.onnx")); });
    CHECK(error.find("Abs node '/Abs'") != std::string::npos);
    CHECK(error.find("not supported") != std::string::npos);
    CHECK(error.find("Conv, ConvTranspose, BatchNormalization") != std::string::npos);
    CHECK(one_line(error));
}

TEST_CASE("a dynamic height or width is refused; a dynamic batch is fine") {
    const std::string error = input_error_of([] { load_onnx(onnx_fixture("dynamic_hw.onnx")); });
    CHECK(error.find("dynamic height ('h')") != std::string::npos);
    CHECK(error.find("dynamic_axes on the batch axis only") != std::string::npos);
    CHECK(input_error_of([] { load_onnx(onnx_fixture("lenet.onnx")); }).empty());
}

TEST_CASE("unsupported attributes are named with the op and the node") {
    const std::string ceil = error_after("lenet.onnx", [](onnx::ModelProto& m) {
        auto* attribute = node_of_type(m, "MaxPool").add_attribute();
        attribute->set_name("ceil_mode");
        attribute->set_type(onnx::AttributeProto::INT);
        attribute->set_i(1);
    });
    CHECK(ceil.find("MaxPool node") != std::string::npos);
    CHECK(ceil.find("ceil_mode=1") != std::string::npos);
    const std::string unknown = error_after("lenet.onnx", [](onnx::ModelProto& m) {
        auto* attribute = node_of_type(m, "Conv").add_attribute();
        attribute->set_name("sparsity");
        attribute->set_type(onnx::AttributeProto::FLOAT);
    });
    CHECK(unknown.find("Conv node '/conv1/Conv': attribute 'sparsity' is not supported") !=
          std::string::npos);
    const std::string training = error_after("colour_bn.onnx", [](onnx::ModelProto& m) {
        auto* attribute = node_of_type(m, "BatchNormalization").add_attribute();
        attribute->set_name("training_mode");
        attribute->set_type(onnx::AttributeProto::INT);
        attribute->set_i(1);
    });
    CHECK(training.find("training_mode=1 (export in eval mode)") != std::string::npos);
    const std::string domain = error_after("lenet.onnx", [](onnx::ModelProto& m) {
        node_of_type(m, "Relu").set_domain("com.microsoft");
    });
    CHECK(domain.find("domain 'com.microsoft'") != std::string::npos);
}

TEST_CASE("more than 100 M parameters is refused before any is read") {
    const std::string error = error_after("lenet.onnx", [](onnx::ModelProto& m) {
        auto* huge = m.mutable_graph()->add_initializer();
        huge->set_name("huge");
        huge->set_data_type(onnx::TensorProto::FLOAT);
        huge->add_dims(20000);
        huge->add_dims(6000);
    });
    CHECK(error.find("convscope opens models up to 100 M parameters") != std::string::npos);
    CHECK(one_line(error));
}

TEST_CASE("broken files give one line, never a crash") {
    TempFolder folder;
    const std::string lenet = read_bytes(onnx_fixture("lenet.onnx"));
    const std::string cut = folder.file("cut.onnx"), empty = folder.file("empty.onnx");
    write_bytes(cut, lenet.substr(0, lenet.size() / 2));
    write_bytes(empty, "");
    write_bytes(folder.file("text.onnx"), "this is not a model\n");
    for (const std::string& path : {cut, empty, folder.file("text.onnx")}) {
        const std::string error = input_error_of([&] { load_onnx(path); });
        CAPTURE(path);
        CHECK(error.find("is not an ONNX model (broken or empty file)") != std::string::npos);
        CHECK(one_line(error));
    }
    CHECK(input_error_of([&] { load_onnx(folder.file("missing.onnx")); }).find("cannot open") !=
          std::string::npos);
    const std::string short_weight = error_after("lenet.onnx", [](onnx::ModelProto& m) {
        auto* weight = m.mutable_graph()->mutable_initializer(0);
        weight->set_raw_data(weight->raw_data().substr(4));
    });
    CHECK(short_weight.find("wrong number of values") != std::string::npos);
    const std::string dangling = error_after(
        "lenet.onnx", [](onnx::ModelProto& m) { node_of_type(m, "Relu").set_input(0, "nowhere"); });
    CHECK(dangling.find("reads 'nowhere', which no earlier node writes") != std::string::npos);
}

TEST_CASE("flipped bytes load and run, or are refused with an InputError") {
    const std::string original = read_bytes(onnx_fixture("branches.onnx"));
    TempFolder folder;
    std::mt19937 random(12);
    int loaded = 0, refused = 0;
    for (int round = 0; round < 300; ++round) {
        std::string bytes = original;
        for (int flips = 0; flips < 3; ++flips)
            bytes[random() % bytes.size()] = static_cast<char>(random() & 0xff);
        write_bytes(folder.file("fuzz.onnx"), bytes);
        try {
            OnnxRunner runner(load_onnx(folder.file("fuzz.onnx")), 1);
            std::vector<float> input(runner.model().input.size(), 0.5f);
            std::vector<float> output(runner.model().output().size());
            runner.forward(input.data(), 1, output.data());
            ++loaded;
        } catch (const InputError&) {
            ++refused;
        }
    }
    CHECK(loaded + refused == 300);
    CHECK(loaded > 0);  // most flips land in weights, which load
}
