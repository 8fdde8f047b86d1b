// The lessons of more convolutions over channels and signals (issue 11, §3): 1-D
// convolution with three kernels, grouped, depthwise and pointwise convolution.
#pragma once

#include <vector>

#include "core/lessons/lessons.hpp"

namespace convscope {

// In the order the lesson list shows them, after the chapter's own.
std::vector<Lesson> channel_lessons();

// The 1-D lessons' signal: a sine with noise and a step up, as small integers (so the
// moving average's quarters stay exact), `length` samples, the same on every platform.
std::vector<float> demo_signal(int length);

}  // namespace convscope
