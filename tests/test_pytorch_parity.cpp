// Parity with PyTorch: output sizes and values of conv2d, conv_transpose2d, max_pool2d
// and avg_pool2d against fixtures PyTorch computed. The fixtures are JSON in
// tests/fixtures/, written by tools/make_fixtures.py (rerun it with
// `/usr/bin/python3 tools/make_fixtures.py`); PyTorch is not needed to run these tests.
//
// One intended difference is not in the fixtures: convscope accepts padding 'same'
// with stride > 1 (o = ceil(i/s)) where PyTorch refuses, so 'same' cases are stride 1.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/ops/conv_geometry.hpp"
#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/tensor.hpp"

using json = nlohmann::ordered_json;

namespace {

const json& load_fixture(const std::string& name) {
    static std::map<std::string, json> cache;
    auto found = cache.find(name);
    if (found != cache.end()) return found->second;
    const std::string path = std::string(CONVSCOPE_FIXTURE_DIR) + "/" + name;
    std::ifstream in(path);
    INFO("fixture " << path << " (regenerate: /usr/bin/python3 tools/make_fixtures.py)");
    REQUIRE(in.good());
    json document = json::parse(in);
    REQUIRE(document.contains("cases"));
    REQUIRE(document["cases"].size() == document["count"].get<std::size_t>());
    return cache.emplace(name, std::move(document)).first->second;
}

// The cases of one op; fails if there are none, so a renamed op can't pass silently.
std::vector<json> cases_of(const std::string& fixture, const std::string& op) {
    std::vector<json> cases;
    for (const json& c : load_fixture(fixture)["cases"]) {
        if (c["op"] == op) cases.push_back(c);
    }
    INFO("op " << op << " in " << fixture);
    REQUIRE(!cases.empty());
    return cases;
}

convscope::Padding padding_of(const json& value) {
    if (value.is_number_integer()) return convscope::Padding::of(value.get<int>());
    return convscope::Padding::parse(value.get<std::string>());
}

convscope::OpKind kind_of(const std::string& op) {
    if (op == "conv") return convscope::OpKind::Conv;
    if (op == "transposed") return convscope::OpKind::TransposedConv;
    return convscope::OpKind::Pool;
}

convscope::AxisParams shape_axis(const json& c, int axis) {
    convscope::AxisParams params;
    params.input = c["i"][axis].get<int>();
    params.kernel = c["k"][axis].get<int>();
    params.stride = c["s"][axis].get<int>();
    params.dilation = c["d"][axis].get<int>();
    params.padding = padding_of(c["p"][axis]);
    if (c.contains("a")) params.output_padding = c["a"][axis].get<int>();
    return params;
}

// Checks every shape case of one op; returns how many were checked.
std::size_t check_shapes(const std::string& op) {
    std::size_t checked = 0;
    for (const json& c : cases_of("shapes.json", op)) {
        INFO("PyTorch case " << c.dump());
        const convscope::AxisParams h = shape_axis(c, 0);
        const convscope::AxisParams w = shape_axis(c, 1);
        if (c.value("error", false)) {
            CHECK_THROWS_AS(convscope::resolve_geometry(kind_of(op), h, w), convscope::InputError);
        } else {
            try {
                const convscope::ConvGeometry g = convscope::resolve_geometry(kind_of(op), h, w);
                CHECK(g.h.output == c["out"][0].get<int>());
                CHECK(g.w.output == c["out"][1].get<int>());
            } catch (const convscope::InputError& error) {
                FAIL_CHECK(
                    "convscope rejected a setting PyTorch accepts: " << std::string(error.what()));
            }
        }
        ++checked;
    }
    return checked;
}

// A nested JSON array of numbers, ranks 1 to 4, as a Tensor. Throws on a malformed
// fixture (doctest reports the exception with the case's INFO).
void flatten(const json& value, std::size_t depth, std::vector<int>& shape,
             std::vector<float>& values) {
    if (!value.is_array()) {
        if (!value.is_number() || depth != shape.size()) {
            throw std::runtime_error("fixture: not a rectangular array of numbers");
        }
        values.push_back(value.get<float>());
        return;
    }
    if (depth == shape.size()) shape.push_back(static_cast<int>(value.size()));
    if (depth >= 4 || static_cast<int>(value.size()) != shape[depth]) {
        throw std::runtime_error("fixture: ragged array or rank above 4");
    }
    for (const json& item : value) flatten(item, depth + 1, shape, values);
}

convscope::Tensor tensor_of(const json& value) {
    std::vector<int> shape;
    std::vector<float> values;
    flatten(value, 0, shape, values);
    return convscope::Tensor(shape, values);
}

std::vector<float> floats_of(const json& value) {
    return value.get<std::vector<float>>();
}

std::pair<int, int> pair_of(const json& c, const char* key, int fallback) {
    if (!c.contains(key)) return {fallback, fallback};
    return {c[key][0].get<int>(), c[key][1].get<int>()};
}

convscope::Options2d options_of(const json& c) {
    convscope::Options2d options;
    convscope::AxisOptions* axes[2] = {&options.h, &options.w};
    for (int axis = 0; axis < 2; ++axis) {
        axes[axis]->stride = c["stride"][axis].get<int>();
        axes[axis]->padding = padding_of(c["padding"][axis]);
        axes[axis]->dilation = c["dilation"][axis].get<int>();
        if (c.contains("output_padding")) {
            axes[axis]->output_padding = c["output_padding"][axis].get<int>();
        }
    }
    return options;
}

bool close(float got, float expected) {
    return std::fabs(got - expected) <= 1e-4f * std::max(1.0f, std::fabs(expected));
}

std::string index_text(const std::vector<int>& shape, std::size_t flat) {
    std::vector<int> index(shape.size());
    for (std::size_t axis = shape.size(); axis-- > 0;) {
        index[axis] = static_cast<int>(flat % static_cast<std::size_t>(shape[axis]));
        flat /= static_cast<std::size_t>(shape[axis]);
    }
    return convscope::shape_text(index);
}

// Shape exactly, values within 1e-4 (relative above magnitude 1, absolute below).
// Reports the first few differing elements, not every one.
void check_tensor(const convscope::Tensor& got, const json& expected_json) {
    const convscope::Tensor expected = tensor_of(expected_json);
    REQUIRE(convscope::shape_text(got.shape()) == convscope::shape_text(expected.shape()));
    int reported = 0;
    std::size_t mismatches = 0;
    for (std::size_t n = 0; n < expected.size(); ++n) {
        if (close(got.values()[n], expected.values()[n])) continue;
        ++mismatches;
        if (reported < 5) {
            ++reported;
            FAIL_CHECK("element " << index_text(expected.shape(), n) << ": got " << got.values()[n]
                                  << ", PyTorch " << expected.values()[n]);
        }
    }
    CHECK(mismatches == 0);
}

std::string case_name(const json& c) {
    std::ostringstream text;
    text << c["name"].get<std::string>() << ": stride " << c["stride"].dump() << ", padding "
         << c["padding"].dump() << ", dilation " << c["dilation"].dump();
    if (c.contains("output_padding")) text << ", output_padding " << c["output_padding"].dump();
    if (c.contains("window")) text << ", window " << c["window"].dump();
    if (c.contains("weight")) {
        text << ", input " << convscope::shape_text(tensor_of(c["input"]).shape()) << ", weight "
             << convscope::shape_text(tensor_of(c["weight"]).shape()) << ", bias "
             << (c["bias"].empty() ? "none" : c["bias"].dump());
    } else {
        text << ", input " << convscope::shape_text(tensor_of(c["input"]).shape());
    }
    return text.str();
}

}  // namespace

TEST_SUITE("pytorch parity") {
    TEST_CASE("shapes: Conv2d with explicit same valid and full padding") {
        CHECK(check_shapes("conv") > 2000);
    }

    TEST_CASE("shapes: ConvTranspose2d") {
        CHECK(check_shapes("transposed") > 500);
    }

    TEST_CASE("shapes: MaxPool2d") {
        CHECK(check_shapes("max_pool") > 500);
    }

    TEST_CASE("shapes: AvgPool2d") {
        CHECK(check_shapes("avg_pool") > 250);
    }

    TEST_CASE("shapes: the sweep covers what PyTorch refuses") {
        std::map<std::string, int> errors;
        for (const json& c : load_fixture("shapes.json")["cases"]) {
            if (c.value("error", false)) ++errors[c["op"].get<std::string>()];
        }
        CHECK(errors["conv"] > 0);
        CHECK(errors["transposed"] > 0);
        CHECK(errors["max_pool"] > 0);
        CHECK(errors["avg_pool"] > 0);
    }

    TEST_CASE("values: the seed example") {
        const convscope::Tensor input(
            {5, 5}, {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2, 2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1});
        const convscope::Tensor kernel({3, 3}, {0, 1, 2, 2, 2, 0, 0, 1, 2});
        const convscope::Tensor out =
            convscope::conv2d(input.as_rank4(), kernel.as_rank4(), {},
                              convscope::Options2d::uniform(1, convscope::Padding::of(0)));
        CHECK(out.shape() == std::vector<int>{1, 1, 3, 3});
        CHECK(out.values() == std::vector<float>{12, 12, 17, 10, 17, 19, 9, 6, 14});
        bool in_fixture = false;
        for (const json& c : cases_of("values.json", "conv2d")) {
            if (c["output"] == json::parse("[[[[12,12,17],[10,17,19],[9,6,14]]]]")) {
                in_fixture = true;
            }
        }
        CHECK(in_fixture);
    }

    TEST_CASE("values: conv2d") {
        for (const json& c : cases_of("values.json", "conv2d")) {
            INFO(case_name(c));
            try {
                check_tensor(convscope::conv2d(tensor_of(c["input"]), tensor_of(c["weight"]),
                                               floats_of(c["bias"]), options_of(c)),
                             c["output"]);
            } catch (const convscope::InputError& error) {
                FAIL_CHECK(
                    "convscope rejected a setting PyTorch accepts: " << std::string(error.what()));
            }
        }
    }

    TEST_CASE("values: conv_transpose2d") {
        for (const json& c : cases_of("values.json", "conv_transpose2d")) {
            INFO(case_name(c));
            try {
                check_tensor(
                    convscope::conv_transpose2d(tensor_of(c["input"]), tensor_of(c["weight"]),
                                                floats_of(c["bias"]), options_of(c)),
                    c["output"]);
            } catch (const convscope::InputError& error) {
                FAIL_CHECK(
                    "convscope rejected a setting PyTorch accepts: " << std::string(error.what()));
            }
        }
    }

    TEST_CASE("values: max_pool2d") {
        for (const json& c : cases_of("values.json", "max_pool2d")) {
            INFO(case_name(c));
            const auto window = pair_of(c, "window", 1);
            try {
                check_tensor(convscope::max_pool2d(tensor_of(c["input"]), window.first,
                                                   window.second, options_of(c)),
                             c["output"]);
            } catch (const convscope::InputError& error) {
                FAIL_CHECK(
                    "convscope rejected a setting PyTorch accepts: " << std::string(error.what()));
            }
        }
    }

    TEST_CASE("values: avg_pool2d (count_include_pad)") {
        for (const json& c : cases_of("values.json", "avg_pool2d")) {
            INFO(case_name(c));
            const auto window = pair_of(c, "window", 1);
            try {
                check_tensor(convscope::avg_pool2d(tensor_of(c["input"]), window.first,
                                                   window.second, options_of(c)),
                             c["output"]);
            } catch (const convscope::InputError& error) {
                FAIL_CHECK(
                    "convscope rejected a setting PyTorch accepts: " << std::string(error.what()));
            }
        }
    }

    TEST_CASE("values: pool_options gives PyTorch's default stride") {
        int checked = 0;
        for (const char* op : {"max_pool2d", "avg_pool2d"}) {
            for (const json& c : cases_of("values.json", op)) {
                if (!c.value("stride_default", false)) continue;
                INFO(case_name(c));
                const auto window = pair_of(c, "window", 1);
                const auto padding = pair_of(c, "padding", 0);
                // pool_options takes one padding and no dilation.
                if (padding.first != padding.second || c["dilation"] != json::parse("[1,1]")) {
                    continue;
                }
                ++checked;
                const convscope::Options2d options = convscope::pool_options(
                    window.first, window.second, convscope::Padding::of(padding.first));
                const convscope::Tensor input = tensor_of(c["input"]);
                check_tensor(
                    std::string(op) == "max_pool2d"
                        ? convscope::max_pool2d(input, window.first, window.second, options)
                        : convscope::avg_pool2d(input, window.first, window.second, options),
                    c["output"]);
            }
        }
        CHECK(checked > 0);
    }
}
