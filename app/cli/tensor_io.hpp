// Reading tensors from option values and printing results, shared by conv and pool.
#pragma once

#include <string>

#include "core/tensor/tensor.hpp"

namespace convscope {

// A nested-array option value; a bare number ("1.5") is read as [1.5].
Tensor read_tensor_option(const std::string& text, const std::string& what);

// The result as readable grids, one per (n, c) slice, numbers right-aligned.
std::string grid_text(const Tensor& tensor);

// The result in `rank` dimensions: drops leading axes of size 1 from a rank-4 tensor.
Tensor with_rank(const Tensor& rank4, int rank);

// `{"output": [[...]]}` or the grids, then a newline, to stdout.
void print_result(const Tensor& output, bool json);

}  // namespace convscope
