// Whether two playground setups are the same in every field a user can set: the lesson
// file and --set suites compare what they decode with what they meant.
#pragma once

#include "core/lessons/playground.hpp"

namespace convscope::testing {

inline bool same_axis(const AxisOptions& a, const AxisOptions& b) {
    return a.stride == b.stride && a.padding == b.padding && a.dilation == b.dilation &&
           a.output_padding == b.output_padding;
}

inline bool same_setup(const PlaygroundSetup& a, const PlaygroundSetup& b) {
    return a.op == b.op && a.batch == b.batch && a.channels == b.channels &&
           a.filters == b.filters && a.input_h == b.input_h && a.input_w == b.input_w &&
           a.kernel_h == b.kernel_h && a.kernel_w == b.kernel_w &&
           same_axis(a.options.h, b.options.h) && same_axis(a.options.w, b.options.w) &&
           a.groups == b.groups && a.one_d == b.one_d && a.has_bias == b.has_bias &&
           a.seed == b.seed && a.input_values == b.input_values &&
           a.kernel_values == b.kernel_values && a.bias_values == b.bias_values;
}

}  // namespace convscope::testing
