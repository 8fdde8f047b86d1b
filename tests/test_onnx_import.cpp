// ONNX models exported by PyTorch: convscope's forward pass against PyTorch's output on
// the same input, parameters counted as PyTorch counts them, the table's geometry.
#include <doctest/doctest.h>

#include <cmath>

#include "core/onnx/onnx_import.hpp"
#include "core/onnx/onnx_runner.hpp"
#include "onnx_fixture.hpp"

using namespace convscope;
using convscope::testing::onnx_fixed_input;
using convscope::testing::onnx_fixture;

namespace {

std::vector<float> run_model(const OnnxModel& model, int batch, int threads) {
    OnnxRunner runner(model, batch, threads);
    const auto input = onnx_fixed_input(static_cast<std::size_t>(batch) * model.input.size());
    std::vector<float> output(static_cast<std::size_t>(batch) * model.output().size());
    runner.forward(input.data(), batch, output.data());
    return output;
}

const OnnxLayer& layer_named(const OnnxModel& model, const std::string& name) {
    for (const auto& layer : model.layers)
        if (layer.name == name) return layer;
    FAIL("no layer " << name);
    return model.layers.front();
}

}  // namespace

TEST_CASE("every fixture's output equals PyTorch's, with 1 and 2 threads") {
    const auto manifest = convscope::testing::onnx_manifest();
    REQUIRE(manifest["models"].size() == 4);
    for (const auto& entry : manifest["models"]) {
        const std::string file = entry["file"];
        CAPTURE(file);
        const OnnxModel model = load_onnx(onnx_fixture(file));
        const auto& shape = entry["input_shape"];
        CHECK(model.input == Shape{shape[1], shape[2], shape[3]});
        CHECK(model.opset == entry["opset"].get<long>());
        CHECK(model.parameter_count() == entry["parameters"].get<std::size_t>());
        const std::vector<float> expected = entry["output"];
        REQUIRE(expected.size() == 2 * model.output().size());
        for (int threads : {1, 2}) {
            const auto output = run_model(model, 2, threads);
            for (std::size_t i = 0; i < expected.size(); ++i) {
                CAPTURE(i);
                CHECK(output[i] == doctest::Approx(expected[i]).epsilon(1e-4).scale(1));
            }
        }
    }
}

TEST_CASE("batch norms are folded into their convs and still listed as layers") {
    const OnnxModel model = load_onnx(onnx_fixture("colour_bn.onnx"));
    int folded = 0;
    for (const auto& layer : model.layers) {
        if (layer.kind != OnnxOp::BatchNorm) continue;
        CHECK(layer.folded);
        CHECK(model.layers.at(layer.inputs.at(0)).kind == OnnxOp::Conv);
        CHECK(layer.parameters == 2u * layer.output.channels);  // weight and bias
        ++folded;
    }
    CHECK(folded == 3);
    // The residual Add reads two layers: the graph is not a chain.
    int adds = 0;
    for (const auto& layer : model.layers)
        if (layer.kind == OnnxOp::Add) adds += layer.inputs.size() == 2 ? 1 : 0;
    CHECK(adds == 1);
}

TEST_CASE("LeNet's table: shapes, FLOPs and receptive fields through every layer") {
    const OnnxModel model = load_onnx(onnx_fixture("lenet.onnx"));
    const OnnxLayer& conv1 = model.layers.at(0);
    CHECK(conv1.op == "Conv");
    CHECK(conv1.output == Shape{6, 28, 28});
    CHECK(conv1.flops == doctest::Approx(2.0 * 6 * 28 * 28 * 25));
    CHECK(conv1.parameters == 6u * 25 + 6);
    CHECK(conv1.field_h == 5);
    // conv 5 -> pool 2 (jump 2) -> conv 5 -> pool 2 (jump 4) -> Gemm over the 5x5 grid
    int pools = 0;
    for (const auto& layer : model.layers) {
        if (layer.kind != OnnxOp::MaxPool) continue;
        ++pools;
        CHECK(layer.field_h == (pools == 1 ? 6 : 16));
        CHECK(layer.jump_h == (pools == 1 ? 2 : 4));
    }
    CHECK(pools == 2);
    CHECK(model.layers.back().kind == OnnxOp::Dense);
    CHECK(model.layers.back().field_w == 16 + 4 * 4);
    CHECK(model.output() == Shape{10, 1, 1});
}

TEST_CASE("a MatMul and the Add of its bias are one dense layer") {
    const OnnxModel model = load_onnx(onnx_fixture("branches.onnx"));
    int dense = 0;
    for (const auto& layer : model.layers)
        if (layer.kind == OnnxOp::Dense) {
            ++dense;
            CHECK(layer.op == "MatMul+Add");
            CHECK(layer.parameters == 200u * 6 + 6);
        }
    CHECK(dense == 1);
    CHECK(layer_named(model, "/Concat").output == Shape{8, 16, 16});
}

TEST_CASE("a larger batch gives each image the output it has alone") {
    const OnnxModel model = load_onnx(onnx_fixture("colour_bn.onnx"));
    const int batch = 7;
    const auto together = run_model(model, batch, 3);
    OnnxRunner alone(model, 1, 1);
    const auto input = onnx_fixed_input(batch * model.input.size());
    std::vector<float> output(model.output().size());
    for (int n = 0; n < batch; ++n) {
        alone.forward(input.data() + n * model.input.size(), 1, output.data());
        for (std::size_t i = 0; i < output.size(); ++i)
            CHECK(together[n * output.size() + i] == doctest::Approx(output[i]).epsilon(1e-5));
    }
}
