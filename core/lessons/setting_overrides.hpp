// A lesson's settings as one line of text, the window's and export's --set:
//   "input=7x7,kernel=3,padding=same,stride=2,channels=2"
// Each key sets one field of a PlaygroundSetup; a size takes N or HxW, as the CLI's do.
#pragma once

#include <string>
#include <vector>

#include "core/lessons/playground.hpp"

namespace convscope {

// The keys, as the help and the errors list them: op, input, kernel, padding, stride,
// dilation, output_padding, channels, filters, batch, groups, bias, seed, input_values,
// kernel_values.
const std::vector<std::string>& setting_keys();

// `setup` with `overrides` applied; see setting_keys() and the README for each key's
// values. Keys apply in order, then a shape that changed drops the explicit values that
// no longer fit (without_values_that_no_longer_fit), then input_values and kernel_values
// (nested JSON arrays whose count must fit the new shapes). seed=S drops every explicit
// value so S draws them; op= drops the kernel's (its layout depends on the op).
// An unknown or repeated key or a bad value throws InputError listing the keys. The
// result may still be refused by build_playground (a kernel larger than the padded
// input): callers build it.
PlaygroundSetup apply_setting_overrides(PlaygroundSetup setup, const std::string& overrides);

// "conv", "transposed", "max-pool", "avg-pool": the op's name in --set and lesson files.
const char* op_setting_name(TracedOp op);
// InputError listing the names when `text` is none of them.
TracedOp parse_op_setting(const std::string& text);

}  // namespace convscope
