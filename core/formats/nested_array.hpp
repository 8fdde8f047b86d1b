// Tensors written as JSON nested arrays, the way the CLI reads and prints values:
// [[1,2],[3,4]] is a (2,2) tensor. Ranks 1 to 4.
#pragma once

#include <string>

#include "core/tensor/tensor.hpp"

namespace convscope {

// Throws InputError naming `what` ("--input") and the problem: not JSON, ragged
// rows, a non-number, an empty array, more than 4 levels.
Tensor parse_nested_array(const std::string& json, const std::string& what);

// Compact JSON; whole numbers print without a decimal point: [[12,12,17],[10,17,19]].
std::string to_nested_array(const Tensor& tensor);

// Shortest text that reads back as the same float: 12, -0.5, 0.333333343.
std::string number_text(float value);

}  // namespace convscope
