// Writes an RGBA image as PNG without ever leaving a half-written file behind.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace convscope {

// Writes `path`.tmp, then renames it over `path`. Throws std::runtime_error.
void write_png_atomically(const std::string& path, int width, int height,
                          const std::vector<std::uint8_t>& rgba_top_down);

// How many different RGB colours the image holds: a blank frame has one or two.
std::size_t count_distinct_colours(const std::vector<std::uint8_t>& rgba);

}  // namespace convscope
