// Parity of the backward pass with PyTorch's autograd: core's backward trace and the
// CLI (`convscope conv|pool ... --backward --grad-output JSON --json`) against
// tests/fixtures/backward.json, written by tools/make_backward_fixtures.py (rerun it with
// `/usr/bin/python3 tools/make_backward_fixtures.py`). PyTorch is not needed here.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/formats/nested_array.hpp"
#include "core/lessons/backward_trace.hpp"
#include "core/tensor/check.hpp"
#include "skip_case.hpp"

using json = nlohmann::json;
using namespace convscope;

namespace {

const json& fixture() {
    static const json document = [] {
        const std::string path = std::string(CONVSCOPE_FIXTURE_DIR) + "/backward.json";
        std::ifstream in(path);
        INFO("fixture " << path
                        << " (regenerate: /usr/bin/python3 tools/make_backward_fixtures.py)");
        REQUIRE(in.good());
        return json::parse(in);
    }();
    return document;
}

std::vector<json> cases_of(const std::string& op) {
    std::vector<json> cases;
    for (const json& c : fixture()["cases"])
        if (c["op"] == op) cases.push_back(c);
    REQUIRE(cases.size() >= 10);  // a renamed op must not pass with no case
    return cases;
}

Tensor tensor_of(const json& value) {
    return parse_nested_array(value.dump(), "fixture");
}

Padding padding_of(const json& value) {
    if (value.is_number_integer()) return Padding::of(value.get<int>());
    return Padding::parse(value.get<std::string>());
}

Options2d options_of(const json& c) {
    Options2d options;
    AxisOptions* axes[2] = {&options.h, &options.w};
    for (int axis = 0; axis < 2; ++axis) {
        axes[axis]->stride = c["stride"][axis].get<int>();
        axes[axis]->padding = padding_of(c["padding"][axis]);
        axes[axis]->dilation = c["dilation"][axis].get<int>();
    }
    return options;
}

// Shape exactly, values within 1e-4 (relative above magnitude 1).
void check_tensor(const Tensor& got, const json& expected_json, const char* what) {
    const Tensor expected = tensor_of(expected_json);
    INFO(what);
    REQUIRE(shape_text(got.shape()) == shape_text(expected.shape()));
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const float e = expected.values()[i], g = got.values()[i];
        if (std::fabs(g - e) > 1e-4f * std::max(1.0f, std::fabs(e))) {
            if (++mismatches <= 3)
                FAIL_CHECK("element " << i << ": got " << g << ", PyTorch " << e);
        }
    }
    CHECK(mismatches == 0);
}

std::string axes_text(const json& pair) {
    return pair[0].dump() + "x" + pair[1].dump();
}

// `convscope ARGS` through the shell; its output and exit code.
std::pair<std::string, int> run_cli(const std::string& args) {
    const std::string command = std::string(CONVSCOPE_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output;
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, got);
    const int status = pclose(pipe);
    return {output, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

bool cli_built() {
    return std::ifstream(CONVSCOPE_BINARY).good();
}

// The geometry options as the CLI takes them; JSON values hold only digits, signs,
// brackets, commas and dots, so single quotes are safe.
std::string geometry_args(const json& c) {
    const json& p = c["padding"];
    const std::string padding = p[0].is_string() ? p[0].get<std::string>() : axes_text(p);
    return " -s " + axes_text(c["stride"]) + " -p " + padding + " -d " + axes_text(c["dilation"]) +
           " --input '" + c["input"].dump() + "' --backward" + " --grad-output '" +
           c["grad_output"].dump() + "' --json";
}

}  // namespace

TEST_SUITE("pytorch backward parity") {
    TEST_CASE("conv2d: the trace's grad_input, grad_weight and grad_bias equal autograd's") {
        for (const json& c : cases_of("conv2d")) {
            INFO(c["name"].get<std::string>());
            const BackwardTrace trace =
                BackwardTrace::conv(tensor_of(c["input"]), tensor_of(c["weight"]), true,
                                    tensor_of(c["grad_output"]), options_of(c));
            check_tensor(trace.grad_input(), c["grad_input"], "grad_input");
            check_tensor(trace.grad_weight(), c["grad_weight"], "grad_weight");
            const std::vector<float> bias = trace.grad_bias();
            check_tensor(Tensor({static_cast<int>(bias.size())}, bias), c["grad_bias"],
                         "grad_bias");
        }
    }

    TEST_CASE("max and avg pooling: the trace's grad_input equals autograd's") {
        for (const char* op : {"max_pool2d", "avg_pool2d"}) {
            for (const json& c : cases_of(op)) {
                INFO(c["name"].get<std::string>());
                const TracedOp kind =
                    std::string(op) == "max_pool2d" ? TracedOp::MaxPool : TracedOp::AveragePool;
                const BackwardTrace trace = BackwardTrace::pool(
                    kind, tensor_of(c["input"]), c["window"][0].get<int>(),
                    c["window"][1].get<int>(), tensor_of(c["grad_output"]), options_of(c));
                check_tensor(trace.grad_input(), c["grad_input"], "grad_input");
            }
        }
    }

    TEST_CASE("the CLI's --backward --json prints autograd's gradients") {
        if (!cli_built()) SKIP_TEST_CASE("no convscope binary at " CONVSCOPE_BINARY);
        for (const json& c : fixture()["cases"]) {
            const std::string op = c["op"].get<std::string>();
            INFO(c["name"].get<std::string>());
            std::string args;
            if (op == "conv2d") {
                args =
                    "conv --kernel '" + c["weight"].dump() + "' --bias '" + c["bias"].dump() + "'";
            } else {
                args = "pool -k " + axes_text(c["window"]) + (op == "avg_pool2d" ? " --avg" : "");
            }
            const auto [output, code] = run_cli(args + geometry_args(c));
            INFO("output: " << output);
            REQUIRE(code == 0);
            const json printed = json::parse(output);
            check_tensor(tensor_of(printed["grad_input"]), c["grad_input"], "grad_input");
            if (op == "conv2d") {
                check_tensor(tensor_of(printed["grad_weight"]), c["grad_weight"], "grad_weight");
                check_tensor(tensor_of(printed["grad_bias"]), c["grad_bias"], "grad_bias");
            } else {
                CHECK_FALSE(printed.contains("grad_weight"));
            }
        }
    }

    TEST_CASE("the CLI refuses a grad-output of the wrong shape, naming the expected one") {
        if (!cli_built()) SKIP_TEST_CASE("no convscope binary at " CONVSCOPE_BINARY);
        const auto [output, code] = run_cli(
            "conv --input '[[1,2,3],[4,5,6],[7,8,9]]' --kernel '[[1,0],[0,1]]' --backward "
            "--grad-output '[[1,2,3]]' --json");
        CHECK(code == 2);
        CHECK(output.find("--grad-output must have the output's shape (2, 2), got (1, 3)") !=
              std::string::npos);
    }
}

TEST_CASE("the CLI's --backward without --json: readable grids, and --trace's products") {
    if (!cli_built()) SKIP_TEST_CASE("no convscope binary at " CONVSCOPE_BINARY);
    const auto [output, code] = run_cli(
        "conv --input '[[1,2],[3,4]]' --kernel '[[2]]' --backward --grad-output '[[1,0],[0,-1]]' "
        "--trace");
    REQUIRE(code == 0);
    CHECK(output.find("grad_input (dL/dX) (2, 2)\n 2  0\n 0 -2\n") != std::string::npos);
    CHECK(output.find("grad_weight (dL/dW) (1, 1)\n-3\n") != std::string::npos);
    CHECK(output.find("1/6  dW[0,0,0,0]  1x1 + 2x0 + 3x0 + 4x(-1) = -3") != std::string::npos);
    const auto [refused, refused_code] =
        run_cli("pool --input '[[1,2],[3,4]]' -k 2 --grad-output '[[1]]'");
    CHECK(refused_code == 2);
    CHECK(refused.find("--grad-output needs --backward") != std::string::npos);
}
