// Sizes every panel derives its spacing from, so the whole window scales together
// with the screen's DPI and the user's text size.
#pragma once

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

}  // namespace convscope
