// Many small pictures of one size (a layer's feature maps, its filters) packed into one
// texture, so a layer costs one upload and one texture however many maps it has.
// Panels draw each tile with ImGui::Image and the tile's texture coordinates.
#pragma once

#include <string>
#include <vector>

#include "app/gl/image_texture.hpp"
#include "imgui.h"

namespace convscope {

class TileSheet {
  public:
    // Packs `tiles` (all of one size) and uploads them; an empty list empties the sheet.
    void build(const std::vector<RgbImage>& tiles, gl::ImageTexture::Filter filter);

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
};

}  // namespace convscope
