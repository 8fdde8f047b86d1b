// The colour language of every grid (DESIGN "Screens": input, kernel and output each
// their own hue; padding grey and hatched; the current window outlined).
//
// These constants are the single source: GridRenderer uploads them to grid.frag, which
// interpolates the maps per pixel, and panels read them to colour text to match.
#pragma once

#include <array>

namespace convscope::gl {

struct Rgb {
    float r = 0, g = 0, b = 0;
};

// Which map a cell uses. Signed grids (a kernel with negative weights) draw their
// negative values with NegativeValues, so zero is the lightest colour of both halves.
// Heat is the sequential map of counts (how often a cell is read), apart from the roles.
enum class CellPalette { Input = 0, Kernel = 1, Output = 2, NegativeValues = 3, Heat = 4 };
constexpr int kCellPaletteCount = 5;  // as kMapCount in grid.frag
constexpr int kStopsPerMap = 3;       // shade 0, 0.5 and 1

// Sequential maps from a light tint (low values) to a deep tone (high values).
constexpr std::array<Rgb, kCellPaletteCount* kStopsPerMap> kMapStops = {{
    {0.94f, 0.96f, 0.99f},
    {0.55f, 0.71f, 0.91f},
    {0.11f, 0.30f, 0.62f},  // input: blue
    {1.00f, 0.96f, 0.89f},
    {0.98f, 0.70f, 0.37f},
    {0.76f, 0.34f, 0.03f},  // kernel: orange
    {0.93f, 0.98f, 0.94f},
    {0.49f, 0.80f, 0.60f},
    {0.06f, 0.45f, 0.27f},  // output: green
    {0.96f, 0.94f, 0.99f},
    {0.72f, 0.60f, 0.88f},
    {0.40f, 0.20f, 0.62f},  // negative: purple
    {1.00f, 0.97f, 0.80f},
    {0.99f, 0.60f, 0.36f},
    {0.70f, 0.08f, 0.20f},  // heat: cream to crimson
}};

constexpr Rgb kPaddingBase = {0.925f, 0.925f, 0.935f};
constexpr Rgb kPaddingHatch = {0.82f, 0.82f, 0.84f};
constexpr Rgb kGridLine = {0.29f, 0.32f, 0.37f};
constexpr Rgb kHighlight = {0.87f, 0.11f, 0.40f};
constexpr Rgb kBlank = {0.985f, 0.985f, 0.99f};  // pending outputs, empty matrix entries

// The colour grid.frag gives `shade` (0..1) on `map`; the same piecewise-linear
// interpolation, for choosing text that stays legible on the cell.
Rgb map_colour(CellPalette map, float shade);

// The deepest tone of a map: text that names a value of that role ("0×3": kernel × input).
inline Rgb role_text_colour(CellPalette map) {
    return kMapStops[static_cast<int>(map) * kStopsPerMap + kStopsPerMap - 1];
}

// Relative luminance (sRGB weights), enough to pick black or white text.
inline float luminance(Rgb c) {
    return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
}

}  // namespace convscope::gl
