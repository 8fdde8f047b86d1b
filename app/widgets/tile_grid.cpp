#include "app/widgets/tile_grid.hpp"

#include <algorithm>
#include <cmath>

#include "app/gl/colour_maps.hpp"
#include "app/widgets/palette_colours.hpp"

namespace convscope {

ImVec2 TileLayout::size() const {
    const int rows = count > 0 ? (count + columns - 1) / columns : 0;
    const int cols = std::min(columns, count);
    return ImVec2(static_cast<float>(cols) * (tile.x + gap) - (cols > 0 ? gap : 0),
                  static_cast<float>(rows) * (tile.y + gap) - (rows > 0 ? gap : 0));
}

TileLayout fit_tiles(int count, ImVec2 texels, ImVec2 origin, ImVec2 available, float gap,
                     float max_scale, int columns_multiple) {
    TileLayout best;
    best.origin = origin;
    best.gap = gap;
    best.count = count;
    if (count <= 0 || texels.x <= 0 || texels.y <= 0) return best;
    const int step = std::max(1, columns_multiple);
    float best_scale = -1;
    for (int columns = step; columns < count + step; columns += step) {
        const int cols = std::min(columns, count);
        const int rows = (count + columns - 1) / columns;
        const float scale = std::min(
            {(available.x - gap * static_cast<float>(cols - 1)) / (cols * texels.x),
             (available.y - gap * static_cast<float>(rows - 1)) / (rows * texels.y), max_scale});
        if (scale > best_scale) {
            best_scale = scale;
            best.columns = columns;
        }
    }
    best_scale = std::max(best_scale, 0.25f);
    // Whole screen pixels per texel keep small maps' pixels even; above 3 the
    // difference no longer shows and the space is worth more.
    if (best_scale >= 1.0f && best_scale < 3.0f) best_scale = std::floor(best_scale * 2) / 2;
    best.tile = ImVec2(texels.x * best_scale, texels.y * best_scale);
    return best;
}

TileHover draw_tiles(ImDrawList* list, const TileSheet& sheet, const TileLayout& layout,
                     bool hoverable) {
    TileHover hover;
    const ImU32 frame = to_imgui(ui_palette().frame);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int count = std::min(layout.count, sheet.count());
    // All images first, then all frames: ImGui merges neighbouring commands on one
    // texture, so a sheet costs one draw call instead of two per tile.
    for (int i = 0; i < count; ++i) {
        const ImVec2 a = layout.tile_min(i);
        list->AddImage(sheet.texture(), a, ImVec2(a.x + layout.tile.x, a.y + layout.tile.y),
                       sheet.uv0(i), sheet.uv1(i));
    }
    for (int i = 0; i < count; ++i) {
        const ImVec2 a = layout.tile_min(i);
        const ImVec2 b(a.x + layout.tile.x, a.y + layout.tile.y);
        list->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), frame);
        if (hoverable && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) {
            hover.tile = i;
            hover.col =
                std::clamp(static_cast<int>((mouse.x - a.x) / layout.tile.x * sheet.tile_width()),
                           0, sheet.tile_width() - 1);
            hover.row =
                std::clamp(static_cast<int>((mouse.y - a.y) / layout.tile.y * sheet.tile_height()),
                           0, sheet.tile_height() - 1);
        }
    }
    return hover;
}

void outline_texels(ImDrawList* list, const TileLayout& layout, ImVec2 texels, int tile, int row0,
                    int row1, int col0, int col1, ImU32 colour, float thickness) {
    const ImVec2 a = layout.tile_min(tile);
    const float sx = layout.tile.x / texels.x, sy = layout.tile.y / texels.y;
    list->AddRect(
        ImVec2(a.x + static_cast<float>(col0) * sx, a.y + static_cast<float>(row0) * sy),
        ImVec2(a.x + static_cast<float>(col1 + 1) * sx, a.y + static_cast<float>(row1 + 1) * sy),
        colour, 0.0f, 0, thickness);
}

ImU32 highlight_colour() {
    return to_imgui(ui_palette().highlight);
}

}  // namespace convscope
