// Reading tensors from option values and printing results, shared by conv and pool.
#pragma once

#include <optional>
#include <string>

#include "app/cli/argument_parser.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

// A nested-array option value; a bare number ("1.5") is read as [1.5]; a value ending
// in .npy is a NumPy file (core/formats/npy_file.hpp). Errors start with `what`.
Tensor read_tensor_option(const std::string& text, const std::string& what);

// The --npy option's path, checked to end in .npy (so `--npy --json` is caught).
std::optional<std::string> npy_output_option(const ParsedArguments& args);
// "saved (3, 3) float32 to out.npy", after the result (not with --json: stdout is JSON).
void print_npy_note(const std::string& path, const Tensor& output);

// The result as readable grids, one per (n, c) slice, numbers right-aligned. A rank-3
// tensor's slices are headed "[c=..]", or "[<first_axis>=..]" (a 1-D result's "n").
std::string grid_text(const Tensor& tensor, const char* first_axis = "c");

// The result in `rank` dimensions: drops leading axes of size 1 from a rank-4 tensor.
Tensor with_rank(const Tensor& rank4, int rank);

// `{"output": [[...]]}` or the grids, then a newline, to stdout.
void print_result(const Tensor& output, bool json, const char* first_axis = "c");

}  // namespace convscope
