// Settings typed as text, the way the CLI's options, the window's --set and lesson
// overrides all take them: whole numbers, a value per axis ("5" or "4x6"), padding.
#pragma once

#include <string>
#include <utility>

#include "core/ops/conv_geometry.hpp"

namespace convscope {

// A whole number within [min, max]; `what` names it in the error ("stride -s").
int parse_int(const std::string& text, const std::string& what, int min, int max);

// "5" -> (5, 5), "4x6" -> (4, 6): a value per axis (height, width).
std::pair<std::string, std::string> split_axes(const std::string& text);
std::pair<int, int> parse_int_pair(const std::string& text, const std::string& what, int min,
                                   int max);

// "1", "same", "2x1", "validxsame": a Padding per axis (Padding::parse's words).
std::pair<Padding, Padding> parse_padding_pair(const std::string& text);

}  // namespace convscope
