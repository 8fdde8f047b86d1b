// Drawing a TileSheet's tiles as a wrapped grid, scaled to fit a rectangle: the feature
// maps, filters and photo panels all use it. Also reports the tile and texel under the
// mouse so panels can show values and pick units.
#pragma once

#include "app/widgets/tile_sheet.hpp"
#include "imgui.h"

namespace convscope {

struct TileLayout {
    ImVec2 origin;  // top-left of the first tile (logical pixels)
    ImVec2 tile;    // one tile's drawn size
    float gap = 0;
    int columns = 1;
    int count = 0;

    ImVec2 tile_min(int i) const {
        return ImVec2(origin.x + static_cast<float>(i % columns) * (tile.x + gap),
                      origin.y + static_cast<float>(i / columns) * (tile.y + gap));
    }
    ImVec2 size() const;  // the whole grid
};

// The largest tiles (at most `max_scale` screen pixels per texel) that fit `count`
// tiles of `texels` into `available`; `columns_multiple` keeps rows whole (a filter's
// channels side by side).
TileLayout fit_tiles(int count, ImVec2 texels, ImVec2 origin, ImVec2 available, float gap,
                     float max_scale, int columns_multiple = 1);

struct TileHover {
    int tile = -1;         // -1: the mouse is over no tile
    int row = 0, col = 0;  // the texel under the mouse
};

// Draws the sheet's tiles with a thin frame; `hoverable` (the window is hovered) lets
// the mouse be read.
TileHover draw_tiles(ImDrawList* list, const TileSheet& sheet, const TileLayout& layout,
                     bool hoverable);

// A rectangle over texels [row0, row1] x [col0, col1] (inclusive) of tile i.
void outline_texels(ImDrawList* list, const TileLayout& layout, ImVec2 texels, int tile, int row0,
                    int row1, int col0, int col1, ImU32 colour, float thickness);

ImU32 highlight_colour();

}  // namespace convscope
