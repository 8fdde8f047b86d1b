// The fonts every panel draws with: DejaVu Sans found at run time, baked by ImGui at
// the exact pixel sizes in use so text stays sharp at any window size, text scale or
// DPI. Falls back to ImGui's built-in font when DejaVu is not installed.
#pragma once

#include <string>

#include "imgui.h"

namespace convscope {

struct FontSizes {
    float ui = 17;       // menus, captions (logical pixels)
    float title = 24;    // the lesson title
    float body = 20;     // the lesson's explanation and formula
    float heading = 24;  // grid labels, the sum line
    float number = 32;   // numbers inside cells
    bool operator==(const FontSizes& other) const {
        return ui == other.ui && title == other.title && body == other.body &&
               heading == other.heading && number == other.number;
    }
    bool operator!=(const FontSizes& other) const { return !(*this == other); }
};

class Fonts {
  public:
    Fonts();  // looks for the TTF files; builds nothing yet

    // Rebakes ImGui's atlas (and the GL texture once the renderer exists). Call
    // between frames only. `pixel_ratio` is framebuffer pixels per logical pixel.
    void build(const FontSizes& sizes, float pixel_ratio, bool renderer_ready);

    ImFont* ui() const { return ui_; }
    ImFont* title() const { return title_; }
    ImFont* body() const { return body_; }
    ImFont* heading() const { return heading_; }
    ImFont* number() const { return number_; }
    const FontSizes& sizes() const { return sizes_; }
    // True with DejaVu; false on ImGui's default font, which lacks "∗" and "−".
    bool has_math_glyphs() const { return !regular_path_.empty(); }
    const std::string& regular_path() const { return regular_path_; }

  private:
    std::string regular_path_;
    std::string bold_path_;
    FontSizes sizes_;
    float pixel_ratio_ = 0;
    ImVector<ImWchar> text_ranges_;  // must outlive the atlas that points at it
    ImFont* ui_ = nullptr;
    ImFont* title_ = nullptr;
    ImFont* body_ = nullptr;
    ImFont* heading_ = nullptr;
    ImFont* number_ = nullptr;
};

// Rounds a wanted size to a step, so small layout changes do not rebake the atlas.
float quantize_font_size(float size);

}  // namespace convscope
