// The colour language of every grid (DESIGN "Screens": input, kernel and output each
// their own hue; padding grey and hatched; the current window outlined), in the theme on
// screen. The colours themselves are app/model/palette.hpp's: GridRenderer uploads them
// to grid.frag, which interpolates the maps per pixel, and panels read them to colour
// text to match.
#pragma once

#include "app/model/palette.hpp"

namespace convscope::gl {

using convscope::CellPalette;
using convscope::kCellPaletteCount;
using convscope::kStopsPerMap;
using convscope::Rgb;

// The colour grid.frag gives `shade` (0..1) on `map`; the same piecewise-linear
// interpolation, for choosing text that stays legible on the cell.
Rgb map_colour(CellPalette map, float shade);

// The strongest tone of a map: text that names a value of that role ("0×3": kernel × input).
inline Rgb role_text_colour(CellPalette map) {
    return current_palette().map_stops[static_cast<int>(map) * kStopsPerMap + kStopsPerMap - 1];
}

// Relative luminance (sRGB weights), enough to pick dark or light text.
inline float luminance(Rgb c) {
    return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
}

}  // namespace convscope::gl
