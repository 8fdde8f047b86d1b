// The theme's colours (app/model/palette.hpp) as ImGui takes them.
#pragma once

#include "app/model/palette.hpp"
#include "imgui.h"

namespace convscope {

inline ImVec4 to_imvec4(Rgb colour, float alpha = 1.0f) {
    return ImVec4(colour.r, colour.g, colour.b, alpha);
}

inline ImU32 to_imgui(Rgb colour) {
    return ImGui::ColorConvertFloat4ToU32(to_imvec4(colour));
}

// The current theme's palette, for a panel drawing this frame.
inline const Palette& ui_palette() {
    return current_palette();
}

}  // namespace convscope
