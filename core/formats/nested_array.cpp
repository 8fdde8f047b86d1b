#include "core/formats/nested_array.hpp"

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

using nlohmann::json;

// Walks the first element at each level to find the shape; flatten() then checks
// that every row agrees with it.
std::vector<int> probe_shape(const json& value, const std::string& what) {
    std::vector<int> shape;
    const json* level = &value;
    while (level->is_array()) {
        if (level->empty()) throw InputError(what + ": an empty array has no values");
        shape.push_back(static_cast<int>(level->size()));
        if (shape.size() > 4) throw InputError(what + ": more than 4 levels of nesting");
        level = &level->front();
    }
    if (shape.empty()) throw InputError(what + ": expected a nested array such as [[1,2],[3,4]]");
    return shape;
}

void flatten(const json& value, const std::vector<int>& shape, std::size_t depth,
             const std::string& what, std::vector<float>& out) {
    if (depth == shape.size()) {
        if (!value.is_number()) {
            throw InputError(what + ": '" + value.dump() + "' is not a number");
        }
        // Checked before the cast: a double beyond float's range does not convert.
        const double number = value.get<double>();
        if (!(std::fabs(number) <= FLT_MAX)) {
            throw InputError(what + ": " + value.dump() + " is too large for a float");
        }
        out.push_back(static_cast<float>(number));
        return;
    }
    if (!value.is_array() || static_cast<int>(value.size()) != shape[depth]) {
        throw InputError(what + ": rows differ in length (ragged array); every row at depth " +
                         std::to_string(depth + 1) + " needs " + std::to_string(shape[depth]) +
                         " elements");
    }
    for (const json& element : value) flatten(element, shape, depth + 1, what, out);
}

void write_level(const Tensor& tensor, std::size_t depth, std::size_t& index, std::string& out) {
    out += '[';
    const int extent = tensor.shape()[depth];
    for (int i = 0; i < extent; ++i) {
        if (i) out += ',';
        if (depth + 1 == tensor.shape().size()) {
            out += number_text(tensor.data()[index++]);
        } else {
            write_level(tensor, depth + 1, index, out);
        }
    }
    out += ']';
}

}  // namespace

Tensor parse_nested_array(const std::string& text, const std::string& what) {
    json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
        throw InputError(what + ": not valid JSON: '" + text.substr(0, 60) +
                         "' (expected a nested array such as [[1,2],[3,4]])");
    }
    const std::vector<int> shape = probe_shape(value, what);
    std::vector<float> values;
    flatten(value, shape, 0, what, values);
    return Tensor(shape, std::move(values));
}

std::string to_nested_array(const Tensor& tensor) {
    std::string out;
    std::size_t index = 0;
    write_level(tensor, 0, index, out);
    return out;
}

std::string number_text(float value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0.0f) return "0";  // also -0
    char buffer[32];
    if (std::fabs(value) < 1e7f && value == std::nearbyint(value)) {
        std::snprintf(buffer, sizeof buffer, "%.0f", static_cast<double>(value));
        return buffer;
    }
    for (int precision = 1; precision <= 9; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, static_cast<double>(value));
        if (std::strtof(buffer, nullptr) == value) break;
    }
    return buffer;
}

}  // namespace convscope
