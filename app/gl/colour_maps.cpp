#include "app/gl/colour_maps.hpp"

namespace convscope::gl {

Rgb map_colour(CellPalette map, float shade) {
    return convscope::map_colour(current_palette(), map, shade);
}

}  // namespace convscope::gl
