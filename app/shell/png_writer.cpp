#include "app/shell/png_writer.hpp"

#include <stb_image_write.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <unordered_set>

namespace convscope {

void write_png_atomically(const std::string& path, int width, int height,
                          const std::vector<std::uint8_t>& rgba_top_down) {
    const std::string temporary = path + ".tmp";
    if (stbi_write_png(temporary.c_str(), width, height, 4, rgba_top_down.data(), width * 4) == 0) {
        std::remove(temporary.c_str());
        throw std::runtime_error("cannot write " + temporary);
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        throw std::runtime_error("cannot rename " + temporary + " to " + path + ": " + reason);
    }
}

std::size_t count_distinct_colours(const std::vector<std::uint8_t>& rgba) {
    std::unordered_set<std::uint32_t> colours;
    for (std::size_t i = 0; i + 3 < rgba.size(); i += 4) {
        colours.insert(static_cast<std::uint32_t>(rgba[i]) << 16 |
                       static_cast<std::uint32_t>(rgba[i + 1]) << 8 | rgba[i + 2]);
    }
    return colours.size();
}

}  // namespace convscope
