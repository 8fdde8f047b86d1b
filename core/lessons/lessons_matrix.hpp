// Lessons on how convolutions are computed and written (issue 11): im2col, the
// transposed convolution as a direct one, and convolution against cross-correlation.
#pragma once

#include <vector>

#include "core/lessons/lessons.hpp"

namespace convscope {

std::vector<Lesson> matrix_lessons();

}  // namespace convscope
