// Every colour the window and the exported pictures use, per theme: the grids' colour
// maps (input, kernel and output each their own hue, chosen so that viewers with
// protanopia, deuteranopia or tritanopia still tell them apart: tests/test_colour_vision.cpp),
// padding, outlines, text and plot colours. No GL or ImGui here, so tests read them.
#pragma once

#include <array>

#include "app/model/theme.hpp"

namespace convscope {

struct Rgb {
    float r = 0, g = 0, b = 0;
};

// Which map a cell uses. Signed grids (a kernel with negative weights) draw their
// negative values with NegativeValues, so zero is the faintest colour of both halves.
// Heat is the sequential map of counts (how often a cell is read), apart from the roles.
enum class CellPalette { Input = 0, Kernel = 1, Output = 2, NegativeValues = 3, Heat = 4 };
constexpr int kCellPaletteCount = 5;  // as kMapCount in grid.frag
constexpr int kStopsPerMap = 3;       // shade 0, 0.5 and 1

struct Palette {
    // Sequential maps: shade 0 is faint (near the canvas), shade 1 strong (light theme:
    // deep tones; dark theme: bright ones).
    std::array<Rgb, kCellPaletteCount * kStopsPerMap> map_stops;
    Rgb padding_base, padding_hatch;             // the padding ring: hatched
    Rgb grid_line;                               // between cells
    Rgb highlight;                               // the current window, the chosen cell
    Rgb blank;                                   // pending outputs, empty matrix entries
    Rgb ink, muted_ink, padding_ink, error_ink;  // text
    Rgb canvas;                                  // behind everything
    Rgb side_panel;                              // the lesson list and controls
    Rgb frame;                                   // outlines of tiles, canvases, slabs
    Rgb plot, plot_grid;                         // curves' background and grid lines
    Rgb slab;                                    // the flattened vector's fill
    Rgb card, card_hovered, card_open;           // the layer stack's boxes
    Rgb loss, train, test;                       // the curves
};

const Palette& palette_for(Theme theme);

// The palette of the theme on screen (light until use_palette says otherwise). Call
// between frames, as use_language.
void use_palette(Theme theme);
const Palette& current_palette();
Theme current_theme();

// The colour of `map` at `shade` (0..1), as grid.frag interpolates it.
Rgb map_colour(const Palette& palette, CellPalette map, float shade);

}  // namespace convscope
