// Pictures of one size drawn as tiles (a layer's feature maps, a conv layer's filters,
// a photo), as plain RGB, with a version number that changes whenever they do. The
// models hold these; the GL side keeps textures keyed by the version
// (TileSheet::update) and uploads again only when it changed.
#pragma once

#include <cstdint>
#include <vector>

#include "core/formats/image_file.hpp"

namespace convscope {

class TilePictures {
  public:
    // Replaces the pictures (all of one size; none empties them). Every call gives a
    // version no other TilePictures has had, so a cache that follows another object
    // never mistakes it for the one it uploaded.
    void set(std::vector<RgbImage> tiles);

    // 0 until the first set().
    std::uint64_t version() const { return version_; }
    const std::vector<RgbImage>& tiles() const { return tiles_; }
    int count() const { return static_cast<int>(tiles_.size()); }
    bool empty() const { return tiles_.empty(); }
    int tile_width() const { return tiles_.empty() ? 0 : tiles_.front().width; }
    int tile_height() const { return tiles_.empty() ? 0 : tiles_.front().height; }

  private:
    std::vector<RgbImage> tiles_;
    std::uint64_t version_ = 0;
};

}  // namespace convscope
