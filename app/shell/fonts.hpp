// The fonts every panel draws with: DejaVu Sans found at run time, baked by ImGui at
// the exact pixel sizes in use so text stays sharp at any window size, text scale or
// DPI. Falls back to ImGui's built-in font when DejaVu is not installed. Chinese text
// comes from WenQuanYi Micro Hei, only the characters in use.
#pragma once

#include <map>
#include <string>
#include <vector>

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

    // Characters beyond Latin the window's texts use (a catalogue's translations): merged
    // from the CJK font (fonts-wqy-microhei) into every text font at the next build();
    // the title font takes only `title_text`'s (it draws lesson titles alone).
    void set_extra_text(const std::string& text, const std::string& title_text);
    // Whether the CJK font was found; without it Chinese text cannot be shown.
    bool has_cjk() const { return !cjk_path_.empty(); }
    int extra_glyphs() const { return extra_glyphs_; }

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
    std::string cjk_path_;
    ImVector<ImWchar> extra_ranges_;  // must outlive the atlas too
    ImVector<ImWchar> title_ranges_;
    // Font files read once, by path ("" stays empty): the atlas points into them.
    const std::vector<char>& file_data(const std::string& path);
    std::map<std::string, std::vector<char>> file_data_;
    int extra_glyphs_ = 0;
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
