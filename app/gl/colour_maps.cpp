#include "app/gl/colour_maps.hpp"

#include <algorithm>

namespace convscope::gl {

Rgb map_colour(CellPalette map, float shade) {
    shade = std::clamp(shade, 0.0f, 1.0f);
    const int base = static_cast<int>(map) * kStopsPerMap;
    const float position = shade * (kStopsPerMap - 1);
    const int stop = std::min(static_cast<int>(position), kStopsPerMap - 2);
    const float t = position - static_cast<float>(stop);
    const Rgb& a = kMapStops[base + stop];
    const Rgb& b = kMapStops[base + stop + 1];
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

}  // namespace convscope::gl
