// A Canvas that writes SVG: the lesson view's cells as rectangles in the window's
// colours (padding hatched as on screen) and its text as text, in the same places and
// sizes, so a step exported for a slide or a paper is crisp at any size, searchable,
// and editable in Inkscape.
#pragma once

#include <string>
#include <vector>

#include "app/shell/fonts.hpp"
#include "app/widgets/canvas.hpp"

namespace convscope {

class SvgCanvas : public Canvas {
  public:
    // A picture of `width` x `height` logical pixels on `background`. `fonts` tells the
    // bold fonts (titles, numbers) from the regular ones.
    SvgCanvas(const Fonts& fonts, int width, int height, ImU32 background);

    void cells(std::vector<gl::CellInstance> cells, float hatch_period) override;
    void text(ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& text,
              float wrap_width = 0) override;
    void line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness) override;
    void rect(ImVec2 min, ImVec2 max, ImU32 colour) override;
    void dot(ImVec2 centre, float radius, ImU32 colour) override;

    // The whole document: XML declaration, <svg>, the hatch patterns, everything drawn.
    std::string document() const;

  private:
    void text_line(ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& line);
    std::string hatch_pattern(float period);

    const Fonts& fonts_;
    int width_, height_;
    ImU32 background_;
    std::vector<std::string> pattern_periods_;  // one <pattern> per hatch period in use
    std::string defs_;
    std::string body_;
};

// Text as XML character data: & < > " ' escaped.
std::string xml_escaped(const std::string& text);

}  // namespace convscope
