// Quiz question 1: the value of one output cell (one step of the trace).
#pragma once

#include "core/lessons/quiz.hpp"
#include "core/lessons/trace.hpp"

namespace convscope {

// Checks `answer` against step `step` of `trace` and, when it is wrong, tries each
// known mistake in turn (the first that reproduces the answer exactly is named).
Diagnosis diagnose_cell(const OperationTrace& trace, int step, float answer);

}  // namespace convscope
