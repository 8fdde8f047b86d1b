// A network's parameters on disk.
//
// Format (version 1, integers little-endian):
//   8 bytes   "CSWEIGHT"
//   u32       format version (1)
//   u32       architecture text length, then the text (NetworkSpec::architecture())
//   u64       parameter count, then that many float32 values (IEEE 754, little-endian)
//   u32       CRC-32 (zlib's) of every byte before it
// Written to a temporary file in the same folder and renamed over the target, so a
// reader never sees half a file. A path ending in .safetensors is written and read as
// Hugging Face safetensors with PyTorch names instead (core/formats/safetensors_file.hpp).
#pragma once

#include <string>
#include <vector>

#include "core/nn/network.hpp"

namespace convscope {

struct WeightsFile {
    std::string architecture;
    std::vector<float> parameters;
};

constexpr unsigned kWeightsFormatVersion = 1;

// Written whole or not at all (write_file_atomically): a failed save keeps the old file.
void save_weights(const std::string& path, const std::string& architecture, const float* parameters,
                  std::size_t count);
void save_weights(const std::string& path, const Network<float>& network);

// The whole file, checked (magic, version, length, checksum); InputError naming the
// file and the problem otherwise.
WeightsFile read_weights(const std::string& path);

// Reads `path` into the network's parameters; InputError if the file was saved for
// another architecture.
void load_weights(const std::string& path, Network<float>& network);

// The preset whose architecture the file names; InputError if none does.
NetworkSpec spec_for_architecture(const std::string& architecture, const std::string& path);

}  // namespace convscope
