// Tensors as NumPy .npy files (numpy.lib.format), so values go to and from NumPy:
// np.load("out.npy") reads what write_npy writes, and read_npy takes what np.save writes.
//
// A file is the magic "\x93NUMPY", a version (1.0; 2.0 and 3.0 have a 4-byte header
// length), the header dict (npy_header.hpp) padded so the data starts at a multiple of
// 64 bytes, then the values in C order. We write float32 ('<f4'), version 1.0, byte for
// byte as np.save does. We read '<f4' and convert '<f8', '<i4', '<i8' and '|u1' (what
// numpy hands users most often) to float32. Every problem is an InputError
// "<file>: <problem>", checked before anything is allocated: Fortran order, big-endian
// or object dtypes, a rank above 4, a shape whose count overflows or exceeds the
// budget or the bytes the file holds, truncated or trailing data, non-finite values.
#pragma once

#include <cstddef>
#include <string>

#include "core/tensor/tensor.hpp"

namespace convscope {

// The most values read_npy accepts (256 MB of float32): far above any tensor the
// lessons or the networks use, and a bound on what a hostile header can make us allocate.
constexpr std::size_t kMaxNpyValues = std::size_t(1) << 26;
// numpy's own limit on the header it loads (format._MAX_HEADER_SIZE).
constexpr std::size_t kMaxNpyHeaderBytes = 10000;

// The whole file np.save would write for `tensor` as float32.
std::string encode_npy(const Tensor& tensor);
// encode_npy's bytes written atomically; InputError "cannot write .npy file '<path>': ...".
void write_npy(const std::string& path, const Tensor& tensor);

// A tensor from a .npy file's bytes; `name` (the file) starts every error message.
// A scalar (shape ()) becomes shape (1).
Tensor decode_npy(const std::string& bytes, const std::string& name);
// The file at `path`; also InputError for a folder, a missing or unreadable file.
Tensor read_npy(const std::string& path);

// Whether `path` names a .npy file by its extension (any case).
bool has_npy_extension(const std::string& path);

}  // namespace convscope
