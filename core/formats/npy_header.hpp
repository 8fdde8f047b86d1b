// The header of a NumPy .npy file: a Python dict literal such as
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// padded with spaces to a newline. np.save writes it with repr(); we read the small
// subset of Python literals that repr() produces (strings, True/False, tuples of
// integers), never evaluate anything, and say which part is wrong.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace convscope {

struct NpyHeader {
    std::string descr;  // the dtype: '<f4', '|u1', ...
    bool fortran_order = false;
    std::vector<std::int64_t> shape;  // () for a scalar
};

// Throws InputError "<name>: ..." for anything but a dict with exactly the three keys,
// a structured dtype (a list), a negative or absurdly large dimension.
NpyHeader parse_npy_header(const std::string& text, const std::string& name);

// The dict np.save writes for a little-endian float32 C-order array of `shape`,
// including the spare spaces numpy leaves for growing the first axis, before the
// alignment padding and newline.
std::string npy_header_dict(const std::vector<int>& shape);

}  // namespace convscope
