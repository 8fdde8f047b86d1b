// Sections: colours and numbers, cells, text, the document.
#include "app/export/svg_canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/gl/colour_maps.hpp"
#include "app/widgets/text_wrap.hpp"

namespace convscope {

// ---- colours and numbers -------------------------------------------------------------

namespace {

// The families a slide's machine most likely has, DejaVu (the window's font) first.
constexpr const char* kFontFamily =
    "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, 'Noto Sans CJK SC', "
    "'WenQuanYi Micro Hei', sans-serif";

// ImGui sizes a font by its line height (ascent - descent, as stb_truetype's
// ScaleForPixelHeight); SVG by its em. DejaVu Sans, regular and bold: 2048 units per em,
// ascent 1901, descent 483.
constexpr float kEmPerLineHeight = 2048.0f / (1901.0f + 483.0f);

std::string hex(gl::Rgb colour) {
    auto byte = [](float v) {
        return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255));
    };
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(colour.r), byte(colour.g),
                  byte(colour.b));
    return text;
}

std::string hex(ImU32 colour) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    return hex(gl::Rgb{c.x, c.y, c.z});
}

// Two decimals at most, no trailing zeros: small files, exact on whole pixels.
std::string number(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", static_cast<double>(value));
    std::string out = text;
    while (!out.empty() && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out == "-0" ? "0" : out;
}

gl::Rgb cell_colour(const gl::CellInstance& cell) {
    switch (static_cast<gl::CellKind>(std::lround(cell.kind))) {
        case gl::CellKind::Value:
            return gl::map_colour(static_cast<gl::CellPalette>(std::lround(cell.map)), cell.shade);
        case gl::CellKind::Padding:
            return current_palette().padding_base;
        case gl::CellKind::GridLine:
            return current_palette().grid_line;
        case gl::CellKind::Blank:
            return current_palette().blank;
        case gl::CellKind::Highlight:
            return current_palette().highlight;
    }
    return current_palette().blank;
}

}  // namespace

std::string xml_escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

SvgCanvas::SvgCanvas(const Fonts& fonts, int width, int height, ImU32 background)
    : fonts_(fonts), width_(width), height_(height), background_(background) {}

// ---- cells ------------------------------------------------------------------------------

std::string SvgCanvas::hatch_pattern(float period) {
    // grid.frag stripes along x + y with `period` pixels between them along x: lines
    // running down-right, period / sqrt(2) apart, each 28% of the gap wide.
    const std::string id = "hatch" + number(period);
    if (std::find(pattern_periods_.begin(), pattern_periods_.end(), id) != pattern_periods_.end())
        return id;
    pattern_periods_.push_back(id);
    const float gap = period / std::sqrt(2.0f);
    defs_ += "<pattern id=\"" + id + "\" patternUnits=\"userSpaceOnUse\" width=\"" + number(gap) +
             "\" height=\"" + number(gap) + "\" patternTransform=\"rotate(-45)\"><rect width=\"" +
             number(gap) + "\" height=\"" + number(gap) + "\" fill=\"" +
             hex(current_palette().padding_base) + "\"/><rect width=\"" + number(gap * 0.28f) +
             "\" height=\"" + number(gap) + "\" fill=\"" + hex(current_palette().padding_hatch) +
             "\"/></pattern>\n";
    return id;
}

void SvgCanvas::cells(std::vector<gl::CellInstance> cells, float hatch_period) {
    body_ += "<g shape-rendering=\"crispEdges\">\n";
    for (const gl::CellInstance& cell : cells) {
        const bool padding =
            static_cast<gl::CellKind>(std::lround(cell.kind)) == gl::CellKind::Padding;
        const std::string fill =
            padding ? "url(#" + hatch_pattern(hatch_period) + ")" : hex(cell_colour(cell));
        body_ += "<rect x=\"" + number(cell.x) + "\" y=\"" + number(cell.y) + "\" width=\"" +
                 number(cell.width) + "\" height=\"" + number(cell.height) + "\" fill=\"" + fill +
                 "\"/>\n";
    }
    body_ += "</g>\n";
}

// ---- text -------------------------------------------------------------------------------

void SvgCanvas::text_line(ImFont* font, float size, ImVec2 at, ImU32 colour,
                          const std::string& line) {
    if (line.empty()) return;
    // ImGui places a line by its top; SVG by its baseline, the font's ascent below.
    const float baseline = at.y + font->Ascent * size / font->FontSize;
    const bool bold = font == fonts_.title() || font == fonts_.number();
    body_ += "<text x=\"" + number(at.x) + "\" y=\"" + number(baseline) + "\" font-size=\"" +
             number(size * kEmPerLineHeight) + "\"" + (bold ? " font-weight=\"bold\"" : "") +
             " fill=\"" + hex(colour) + "\" xml:space=\"preserve\">" + xml_escaped(line) +
             "</text>\n";
}

void SvgCanvas::text(ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& text,
                     float wrap_width) {
    // Lines break where the window breaks them (text_wrap), one font size apart.
    for (const std::string& line : wrap_lines(font, size, text, wrap_width)) {
        text_line(font, size, at, colour, line);
        at.y += size;
    }
}

// ---- shapes --------------------------------------------------------------------------------

namespace {

// Translucent colours keep their alpha as fill-opacity / stroke-opacity.
std::string paint(const char* attribute, ImU32 colour) {
    const float alpha = ImGui::ColorConvertU32ToFloat4(colour).w;
    std::string text = std::string(" ") + attribute + "=\"" + hex(colour) + "\"";
    if (alpha < 1.0f) text += std::string(" ") + attribute + "-opacity=\"" + number(alpha) + "\"";
    return text;
}

}  // namespace

void SvgCanvas::line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
    body_ += "<line x1=\"" + number(a.x) + "\" y1=\"" + number(a.y) + "\" x2=\"" + number(b.x) +
             "\" y2=\"" + number(b.y) + "\" stroke-width=\"" + number(thickness) + "\"" +
             paint("stroke", colour) + "/>\n";
}

void SvgCanvas::rect(ImVec2 min, ImVec2 max, ImU32 colour) {
    body_ += "<rect x=\"" + number(min.x) + "\" y=\"" + number(min.y) + "\" width=\"" +
             number(max.x - min.x) + "\" height=\"" + number(max.y - min.y) + "\"" +
             paint("fill", colour) + "/>\n";
}

void SvgCanvas::dot(ImVec2 centre, float radius, ImU32 colour) {
    body_ += "<circle cx=\"" + number(centre.x) + "\" cy=\"" + number(centre.y) + "\" r=\"" +
             number(radius) + "\"" + paint("fill", colour) + "/>\n";
}

// ---- the document -------------------------------------------------------------------------

std::string SvgCanvas::document() const {
    const std::string w = std::to_string(width_), h = std::to_string(height_);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
           w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"" +
           kFontFamily + "\">\n<defs>\n" + defs_ + "</defs>\n<rect width=\"" + w + "\" height=\"" +
           h + "\" fill=\"" + hex(background_) + "\"/>\n" + body_ + "</svg>\n";
}

}  // namespace convscope
