// A network's parameters as Hugging Face safetensors, named as PyTorch names them.
//
// Format: u64 little-endian header length N, N bytes of JSON, then the raw tensor data.
// The JSON maps each tensor name to {"dtype": "F32", "shape": [...], "data_offsets":
// [begin, end]} (byte offsets into the data, which the tensors cover without gaps or
// overlaps), plus an optional "__metadata__" of strings: convscope writes its
// architecture text there ("architecture") so the file names its network.
//
// Names: those of the equivalent torch.nn.Sequential, whose index counts every layer
// (Conv2d, ReLU, MaxPool2d, Flatten, Linear): "0.weight", "0.bias", "4.weight", ...
// Layouts are PyTorch's: conv (FN, C, KH, KW), linear (out, in), as convscope's own.
#pragma once

#include <string>
#include <vector>

#include "core/formats/weights_file.hpp"
#include "core/nn/network_spec.hpp"

namespace convscope {

// Whether `path` ends in ".safetensors" (any case): the writer is chosen by the name.
bool is_safetensors_path(const std::string& path);
// Whether `bytes` (a file's first bytes, at least 9) look like safetensors: a header
// length and then '{'.
bool looks_like_safetensors(const std::string& bytes);

// The parameter tensors of `spec` in buffer order, named as nn.Sequential names them.
std::vector<ParameterTensor> pytorch_parameter_layout(const NetworkSpec& spec);

// The whole file's bytes for `count` parameters laid out for `spec`.
std::string safetensors_bytes(const NetworkSpec& spec, const float* parameters, std::size_t count);

// Written whole or not at all. InputError if no preset has this architecture.
void save_safetensors(const std::string& path, const std::string& architecture,
                      const float* parameters, std::size_t count);

// Parses and checks a whole file (header length, JSON, dtypes, offsets, names and
// shapes against the architecture) into convscope's buffer order. The architecture is
// the metadata's, or else the preset whose names and shapes the tensors match.
// InputError with one line naming `path` and the problem otherwise.
WeightsFile parse_safetensors(const std::string& bytes, const std::string& path);

}  // namespace convscope
