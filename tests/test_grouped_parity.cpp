// Parity with PyTorch for grouped and 1-D convolutions: conv2d with groups 1, 2 and C
// (depthwise), conv1d with stride, padding, dilation and groups, against the outputs
// PyTorch computed in tests/fixtures/grouped.json (tools/make_grouped_fixtures.py; rerun
// with `/usr/bin/python3 tools/make_grouped_fixtures.py`). PyTorch is not needed here.
// The step trace replays each 2-D case too: a grouped step's products are its group's.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/lessons/trace.hpp"
#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"

using json = nlohmann::ordered_json;
using namespace convscope;

namespace {

const json& fixture() {
    static const json document = [] {
        const std::string path = std::string(CONVSCOPE_FIXTURE_DIR) + "/grouped.json";
        std::ifstream in(path);
        INFO("fixture " << path
                        << " (regenerate: /usr/bin/python3 tools/make_grouped_fixtures.py)");
        REQUIRE(in.good());
        json parsed = json::parse(in);
        REQUIRE(parsed["cases"].size() == parsed["count"].get<std::size_t>());
        return parsed;
    }();
    return document;
}

std::vector<json> cases_of(const std::string& op) {
    std::vector<json> cases;
    for (const json& c : fixture()["cases"])
        if (c["op"] == op) cases.push_back(c);
    return cases;
}

void flatten(const json& value, std::size_t depth, std::vector<int>& shape,
             std::vector<float>& values) {
    if (!value.is_array()) {
        values.push_back(value.get<float>());
        return;
    }
    if (shape.size() == depth) shape.push_back(static_cast<int>(value.size()));
    for (const json& item : value) flatten(item, depth + 1, shape, values);
}

Tensor tensor_of(const json& value) {
    std::vector<int> shape;
    std::vector<float> values;
    flatten(value, 0, shape, values);
    return Tensor(shape, values);
}

void check_equal(const Tensor& got, const json& expected_json) {
    const Tensor expected = tensor_of(expected_json);
    REQUIRE(shape_text(got.shape()) == shape_text(expected.shape()));
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const float a = got.values()[i], b = expected.values()[i];
        if (std::fabs(a - b) > 1e-5f * (1.0f + std::fabs(b))) ++mismatches;
    }
    CHECK(mismatches == 0);
}

Options2d options_2d(const json& c) {
    Options2d options;
    for (int axis = 0; axis < 2; ++axis) {
        AxisOptions& a = axis == 0 ? options.h : options.w;
        a.stride = c["stride"][axis].get<int>();
        a.padding = Padding::of(c["padding"][axis].get<int>());
        a.dilation = c["dilation"][axis].get<int>();
    }
    return options;
}

}  // namespace

TEST_CASE("grouped.json covers plain, grouped and depthwise cases of both ops") {
    for (const std::string op : {"conv2d", "conv1d"}) {
        int plain = 0, grouped = 0, depthwise = 0;
        for (const json& c : cases_of(op)) {
            const int groups = c["groups"].get<int>();
            const int channels = static_cast<int>(c["input"][0].size());
            if (groups == 1) ++plain;
            if (groups == 2 && channels > 2) ++grouped;
            if (groups == channels && channels > 1) ++depthwise;
        }
        INFO(op);
        CHECK(plain >= 4);
        CHECK(grouped >= 4);
        CHECK(depthwise >= 4);
    }
}

TEST_CASE("conv2d with groups equals PyTorch's, and so does the trace's replay") {
    const std::vector<json> cases = cases_of("conv2d");
    REQUIRE(cases.size() >= 12);
    for (const json& c : cases) {
        INFO(c["name"].get<std::string>());
        const Tensor input = tensor_of(c["input"]), weight = tensor_of(c["weight"]);
        const std::vector<float> bias = c["bias"].get<std::vector<float>>();
        const int groups = c["groups"].get<int>();
        check_equal(conv2d(input, weight, bias, options_2d(c), groups), c["output"]);
        const OperationTrace trace =
            OperationTrace::conv(input, weight, bias, options_2d(c), groups);
        check_equal(trace.replay(), c["output"]);
        // Every step reads exactly its group's C/G channels.
        const int per_group = input.dim(1) / groups;
        for (int t = 0; t < trace.step_count(); t += 7) {
            const TraceStep step = trace.step(t);
            CHECK(static_cast<int>(step.channel_sums.size()) == per_group);
        }
    }
}

TEST_CASE("conv1d equals PyTorch's with stride, padding, dilation and groups") {
    const std::vector<json> cases = cases_of("conv1d");
    REQUIRE(cases.size() >= 12);
    for (const json& c : cases) {
        INFO(c["name"].get<std::string>());
        AxisOptions options;
        options.stride = c["stride"].get<int>();
        options.padding = Padding::of(c["padding"].get<int>());
        options.dilation = c["dilation"].get<int>();
        check_equal(conv1d(tensor_of(c["input"]), tensor_of(c["weight"]),
                           c["bias"].get<std::vector<float>>(), options, c["groups"].get<int>()),
                    c["output"]);
    }
}
