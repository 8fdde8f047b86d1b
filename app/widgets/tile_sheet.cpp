#include "app/widgets/tile_sheet.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace convscope {

namespace {
constexpr int kGap = 1;  // texels between tiles, so sampling never bleeds into a neighbour
}

void TileSheet::build(const std::vector<RgbImage>& tiles, gl::ImageTexture::Filter filter) {
    version_ = 0;  // built by hand: no model's pictures
    count_ = static_cast<int>(tiles.size());
    if (tiles.empty()) return;
    tile_width_ = tiles[0].width;
    tile_height_ = tiles[0].height;
    // Near-square sheets stay under the texture size limit for hundreds of tiles.
    columns_ = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count_)))));
    const int rows = (count_ + columns_ - 1) / columns_;
    RgbImage sheet;
    sheet.width = columns_ * (tile_width_ + kGap);
    sheet.height = rows * (tile_height_ + kGap);
    sheet.rgb.assign(static_cast<std::size_t>(sheet.width) * sheet.height * 3, 0);
    for (int i = 0; i < count_; ++i) {
        const RgbImage& tile = tiles[static_cast<std::size_t>(i)];
        const int left = (i % columns_) * (tile_width_ + kGap);
        const int top = (i / columns_) * (tile_height_ + kGap);
        for (int y = 0; y < std::min(tile.height, tile_height_); ++y) {
            std::memcpy(sheet.pixel(top + y, left), tile.pixel(y, 0),
                        static_cast<std::size_t>(std::min(tile.width, tile_width_)) * 3);
        }
    }
    texture_.upload(sheet, filter);
}

void TileSheet::update(const TilePictures& pictures, gl::ImageTexture::Filter filter) {
    if (pictures.version() == version_) return;
    build(pictures.tiles(), filter);
    version_ = pictures.version();
}

ImTextureID TileSheet::texture() const {
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture_.id()));
}

ImVec2 TileSheet::uv0(int i) const {
    const float x = static_cast<float>((i % columns_) * (tile_width_ + kGap));
    const float y = static_cast<float>((i / columns_) * (tile_height_ + kGap));
    return ImVec2(x / static_cast<float>(texture_.width()),
                  y / static_cast<float>(texture_.height()));
}

ImVec2 TileSheet::uv1(int i) const {
    const ImVec2 origin = uv0(i);
    return ImVec2(
        origin.x + static_cast<float>(tile_width_) / static_cast<float>(texture_.width()),
        origin.y + static_cast<float>(tile_height_) / static_cast<float>(texture_.height()));
}

}  // namespace convscope
