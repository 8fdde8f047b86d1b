#include "core/formats/map_tile.hpp"

#include <algorithm>

#include "core/tensor/check.hpp"

namespace convscope {

MapTile::MapTile(int map_height, int map_width, int factor)
    : map_height_(map_height),
      map_width_(map_width),
      factor_(factor),
      width_((map_width + factor - 1) / factor),
      height_((map_height + factor - 1) / factor),
      sums_(static_cast<std::size_t>(width_) * height_ * 3, 0) {
    CS_CHECK(map_height >= 1 && map_width >= 1 && factor >= 1);
}

int MapTile::factor_to_fit(int map_height, int map_width, int side) {
    CS_CHECK(side >= 1);
    return std::max(1, (std::max(map_height, map_width) + side - 1) / side);
}

std::size_t MapTile::bytes(int map_height, int map_width, int factor) {
    return sizeof(std::uint32_t) * 3 * static_cast<std::size_t>((map_width + factor - 1) / factor) *
           static_cast<std::size_t>((map_height + factor - 1) / factor);
}

void MapTile::add_row(int y, const std::uint8_t* rgb) {
    CS_CHECK(y >= 0 && y < map_height_);
    std::uint32_t* row = &sums_[static_cast<std::size_t>(y / factor_) * width_ * 3];
    // Block by block: no division per pixel (this runs for every pixel of every map).
    for (int tx = 0, x = 0; tx < width_; ++tx) {
        std::uint32_t r = 0, g = 0, b = 0;
        for (const int end = std::min(map_width_, x + factor_); x < end; ++x) {
            r += rgb[x * 3];
            g += rgb[x * 3 + 1];
            b += rgb[x * 3 + 2];
        }
        row[tx * 3] += r;
        row[tx * 3 + 1] += g;
        row[tx * 3 + 2] += b;
    }
}

RgbImage MapTile::image() const {
    RgbImage out{width_, height_, std::vector<std::uint8_t>(sums_.size())};
    for (int ty = 0; ty < height_; ++ty) {
        const int rows = std::min(factor_, map_height_ - ty * factor_);
        for (int tx = 0; tx < width_; ++tx) {
            const auto count =
                static_cast<std::uint32_t>(rows * std::min(factor_, map_width_ - tx * factor_));
            for (int k = 0; k < 3; ++k) {
                const std::size_t i = (static_cast<std::size_t>(ty) * width_ + tx) * 3 + k;
                out.rgb[i] = static_cast<std::uint8_t>((sums_[i] + count / 2) / count);
            }
        }
    }
    return out;
}

}  // namespace convscope
