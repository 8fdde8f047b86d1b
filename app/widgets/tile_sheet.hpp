// Many small pictures of one size (a layer's feature maps, its filters) packed into one
// texture, so a layer costs one upload and one texture however many maps it has.
// Panels draw each tile with ImGui::Image and the tile's texture coordinates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/gl/image_texture.hpp"
#include "app/model/tile_pictures.hpp"
#include "imgui.h"

namespace convscope {

class TileSheet {
  public:
    // Packs `tiles` (all of one size) and uploads them; an empty list empties the sheet.
    void build(const std::vector<RgbImage>& tiles, gl::ImageTexture::Filter filter);
    // The same from a model's pictures, only when their version is not the one this
    // sheet last showed: a cache keyed by the version.
    void update(const TilePictures& pictures, gl::ImageTexture::Filter filter);

    int count() const { return count_; }
    int tile_width() const { return tile_width_; }
    int tile_height() const { return tile_height_; }
    bool empty() const { return count_ == 0; }
    ImTextureID texture() const;
    // Texture coordinates of tile i's corners.
    ImVec2 uv0(int i) const;
    ImVec2 uv1(int i) const;

  private:
    gl::ImageTexture texture_;
    int count_ = 0, columns_ = 1, tile_width_ = 0, tile_height_ = 0;
    std::uint64_t version_ = 0;  // of the TilePictures last shown; 0: none
};

}  // namespace convscope
