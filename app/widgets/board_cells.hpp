// The cells of a board's grids as GL instances: where each value sits on its grid's
// colour map, and grids placed on whole framebuffer pixels so every line is sharp.
// Internal to the board widget (board.cpp draws with it).
#pragma once

#include <utility>
#include <vector>

#include "app/gl/colour_maps.hpp"
#include "app/gl/grid_renderer.hpp"
#include "app/widgets/grid_view.hpp"
#include "imgui.h"

namespace convscope {

// The colour map of a grid role (input, kernel, output).
gl::CellPalette role_palette(GridRole role);

// Where a value sits on its grid's colour map: sequential grids span their own
// min..max; a grid with negative values is centred on zero (purple below, role hue above).
struct ColourScale {
    float low = 0, high = 1;
    bool is_signed = false;
    GridShading shading = GridShading::Role;
    GridRole role = GridRole::Input;

    static ColourScale of(const GridView& grid);

    bool has_legend() const { return is_signed || shading == GridShading::Heat; }

    // The map and the shade (0..1) of `value`.
    std::pair<gl::CellPalette, float> shade(float value) const;
};

// A grid in framebuffer pixels: whole numbers, so every line falls on pixel edges.
struct GridPixels {
    int x = 0, y = 0;  // top-left of the outer grid line
    int pitch = 0;     // from one cell's left edge to the next one's
    int line = 0;      // grid line thickness
    int outline = 0;   // highlight thickness, line + an even number
    float scale = 1;   // framebuffer pixels per logical pixel

    int width(const GridView& grid) const { return grid.cols * pitch + line; }
    int height(const GridView& grid) const { return grid.rows * pitch + line; }
    ImVec2 cell_centre(int row, int col) const {  // logical pixels
        const float half = 0.5f * static_cast<float>(pitch + line);
        return ImVec2((static_cast<float>(x + col * pitch) + half) / scale,
                      (static_cast<float>(y + row * pitch) + half) / scale);
    }
    // The cell under a logical-pixel point, or false.
    bool cell_at(ImVec2 point, const GridView& grid, int* row, int* col) const {
        const float px = point.x * scale - static_cast<float>(x);
        const float py = point.y * scale - static_cast<float>(y);
        if (px < 0 || py < 0) return false;
        *col = static_cast<int>(px / static_cast<float>(pitch));
        *row = static_cast<int>(py / static_cast<float>(pitch));
        return *row < grid.rows && *col < grid.cols;
    }
};

// `cell` logical pixels per cell at `top_left`, `scale` framebuffer pixels per logical one.
GridPixels place_grid(ImVec2 top_left, float cell, float scale);

// The grid's backing lines, cells, marks and outlines.
void add_grid_cells(const GridView& grid, const GridPixels& at, std::vector<gl::CellInstance>& out);

// A strip from the lowest to the highest value (framebuffer pixels); the board writes
// the ends' values.
void add_legend_cells(const ColourScale& scale, float x, float y, float width, float height,
                      std::vector<gl::CellInstance>& out);

}  // namespace convscope
