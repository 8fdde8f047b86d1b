// A small picture of a big map built from its rows as they are coloured: each tile
// pixel the mean colour of a factor x factor block of the map (the last blocks may be
// partial). For contact sheets and on-screen tiles of maps too big to hold whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/formats/image_file.hpp"

namespace convscope {

class MapTile {
  public:
    MapTile(int map_height, int map_width, int factor);

    // The whole factor for a map of this size to fit `side` pixels per side (1: as is).
    static int factor_to_fit(int map_height, int map_width, int side);
    // The bytes one tile holds for a map of this size.
    static std::size_t bytes(int map_height, int map_width, int factor);

    // Row y of the map, width * 3 bytes of RGB.
    void add_row(int y, const std::uint8_t* rgb);
    // The tile as it stands (rows not added yet count as black).
    RgbImage image() const;

  private:
    int map_height_, map_width_, factor_, width_, height_;
    std::vector<std::uint32_t> sums_;  // per tile pixel and channel
};

}  // namespace convscope
