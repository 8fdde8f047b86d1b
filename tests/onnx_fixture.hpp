// The ONNX fixtures of tests/fixtures/onnx (tools/make_onnx_fixtures.py): their
// manifest and the input batch every model was run on.
#pragma once

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace convscope::testing {

inline std::string onnx_fixture(const std::string& name) {
    return std::string(CONVSCOPE_FIXTURE_DIR) + "/onnx/" + name;
}

inline nlohmann::json onnx_manifest() {
    std::ifstream in(onnx_fixture("expected.json"));
    return nlohmann::json::parse(in);
}

// x[i] = ((i * 7919) % 1000) / 500 - 1 over the flattened batch, as the script's.
inline std::vector<float> onnx_fixed_input(std::size_t count) {
    std::vector<float> values(count);
    for (std::size_t i = 0; i < count; ++i)
        values[i] = static_cast<float>(static_cast<double>((i * 7919) % 1000) / 500.0 - 1.0);
    return values;
}

}  // namespace convscope::testing
