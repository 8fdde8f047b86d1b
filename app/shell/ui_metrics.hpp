// Sizes every panel derives its spacing from, so the whole window scales together
// with the screen's DPI and the user's text size.
#pragma once

#include <algorithm>
#include <cmath>

#include "app/shell/fonts.hpp"

namespace convscope {

struct UiMetrics {
    // Screen DPI / 96 (beyond the framebuffer's pixel ratio), times a boost for
    // windows larger than 1600x900 so a projector or a 4K screen shows a full page.
    float ui_scale = 1;
    float text_scale = 1;  // the user's Ctrl+= / Ctrl+- setting
    const Fonts* fonts = nullptr;

    // Logical pixels of a base spacing unit at this DPI.
    float px(float base) const { return base * ui_scale; }
    // The UI font size the menus use.
    float ui_font() const { return 17.0f * ui_scale * text_scale; }
};

// The ui_scale of a display of this logical size: up to 1600x900 logical pixels
// everything keeps its designed size; larger displays grow with the smaller of the two
// ratios, so 4K at 100% DPI looks like 1600x900. Steps of 5%, so resizing by a few
// pixels does not rebake the fonts.
inline float ui_scale_for(ImVec2 display_size, float dpi_scale) {
    const float width = display_size.x / dpi_scale, height = display_size.y / dpi_scale;
    const float boost = std::clamp(std::min(width / 1600.0f, height / 900.0f), 1.0f, 3.0f);
    return dpi_scale * std::round(boost * 20.0f) / 20.0f;
}

// The font sizes a frame wants baked: the UI's from `metrics`, the lesson view's
// heading and number from what it asked for last frame (0: not yet laid out, guess).
inline FontSizes font_sizes_for(const UiMetrics& metrics, float view_heading, float view_number) {
    FontSizes sizes;
    sizes.ui = quantize_font_size(metrics.ui_font());
    sizes.title = quantize_font_size(sizes.ui * 1.45f);
    sizes.body = quantize_font_size(sizes.ui * 1.15f);
    sizes.heading = quantize_font_size(view_heading > 0 ? view_heading : sizes.ui * 1.3f);
    sizes.number = quantize_font_size(view_number > 0 ? view_number : sizes.ui * 2.0f);
    return sizes;
}

}  // namespace convscope
