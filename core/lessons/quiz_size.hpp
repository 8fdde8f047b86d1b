// Quiz question 2: the output size along one axis, o = floor((i + 2p - k_eff) / s) + 1
// (transposed: o = s(i - 1) + a + k_eff - 2p).
#pragma once

#include "core/lessons/quiz.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

// Checks `answer` against axis.output; a wrong answer is matched against the formula
// with one known slip (ceil for floor, the padding left out, ...).
Diagnosis diagnose_output_size(OpKind kind, const AxisGeometry& axis, int answer);

}  // namespace convscope
