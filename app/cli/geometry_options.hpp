// The options every geometry-taking subcommand shares: -s, -d, -p, --output-padding.
// Each takes N or HxW (one value per axis).
#pragma once

#include <vector>

#include "app/cli/argument_parser.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

// The specs of -s, -d, -p and --output-padding, for parse_arguments.
std::vector<OptionSpec> geometry_option_specs();

// Stride defaults to 1, or to the window (window_h, window_w) for a pool.
Options2d parse_geometry_options(const ParsedArguments& args, OpKind kind, int window_h,
                                 int window_w);

// Large enough for any real layer, small enough that no product overflows.
constexpr int kMaxCliValue = 1 << 20;

}  // namespace convscope
