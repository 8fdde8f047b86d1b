#include "app/widgets/text_wrap.hpp"

#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace convscope {

namespace {

bool is_cjk(unsigned c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

// Never at the start of a line: closing brackets and punctuation, full-width and Latin.
bool closes(unsigned c) {
    switch (c) {
        case 0x3001:
        case 0x3002:
        case 0xFF0C:
        case 0xFF0E:
        case 0xFF1A:
        case 0xFF1B:
        case 0xFF01:
        case 0xFF1F:
        case 0xFF09:
        case 0x300D:
        case 0x300F:
        case 0x201D:
        case 0x2019:
        case 0x3011:
        case 0xFF3D:
        case 0x3009:
        case 0x300B:
        case ',':
        case '.':
        case ':':
        case ';':
        case '!':
        case '?':
        case ')':
        case ']':
            return true;
        default:
            return false;
    }
}

// Never at the end of a line: opening brackets.
bool opens(unsigned c) {
    switch (c) {
        case 0xFF08:
        case 0x300C:
        case 0x300E:
        case 0x201C:
        case 0x2018:
        case 0x3010:
        case 0xFF3B:
        case 0x3008:
        case 0x300A:
        case '(':
        case '[':
            return true;
        default:
            return false;
    }
}

struct Glyph {
    unsigned code = 0;
    std::size_t at = 0, length = 0;  // bytes in the text
};

std::vector<Glyph> glyphs_of(const std::string& text) {
    std::vector<Glyph> glyphs;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    for (const char* s = begin; s < end;) {
        unsigned int c = 0;
        const int length = ImTextCharFromUtf8(&c, s, end);
        if (length <= 0) break;
        glyphs.push_back(
            {c, static_cast<std::size_t>(s - begin), static_cast<std::size_t>(length)});
        s += length;
    }
    return glyphs;
}

// ImGui's own wrapping (ImFont::RenderText's): lines at its word-wrap positions, the
// blanks after a break and one newline skipped.
std::vector<std::string> imgui_lines(ImFont* font, float size, const std::string& text,
                                     float width) {
    std::vector<std::string> lines;
    const char* start = text.c_str();
    const char* const end = start + text.size();
    const float scale = size / font->FontSize;
    while (start < end) {
        const char* stop = end;
        for (const char* c = start; c < end; ++c) {
            if (*c == '\n') {
                stop = c;
                break;
            }
        }
        if (width > 0) {
            const char* wrap = font->CalcWordWrapPositionA(scale, start, stop, width);
            if (wrap < stop) stop = wrap == start ? start + 1 : wrap;
        }
        lines.emplace_back(start, stop);
        start = stop;
        while (start < end && (*start == ' ' || *start == '\t')) ++start;
        if (start < end && *start == '\n') ++start;
    }
    return lines;
}

}  // namespace

bool has_cjk(const std::string& text) {
    for (const Glyph& glyph : glyphs_of(text)) {
        if (is_cjk(glyph.code)) return true;
    }
    return false;
}

std::vector<std::string> wrap_lines(ImFont* font, float size, const std::string& text,
                                    float width) {
    if (!has_cjk(text) || width <= 0) return imgui_lines(font, size, text, width);
    const float scale = size / font->FontSize;
    const std::vector<Glyph> glyphs = glyphs_of(text);
    std::vector<std::string> lines;
    std::size_t line_start = 0;  // glyph index
    while (line_start < glyphs.size()) {
        // Skip blanks at the start of a line.
        while (line_start < glyphs.size() && glyphs[line_start].code == ' ') ++line_start;
        if (line_start >= glyphs.size()) break;
        float x = 0;
        std::size_t i = line_start, last_break = 0;  // last_break: a glyph index to break before
        bool hard_break = false;
        for (; i < glyphs.size(); ++i) {
            const unsigned c = glyphs[i].code;
            if (c == '\n') {
                hard_break = true;
                break;
            }
            if (i > line_start) {
                const unsigned before = glyphs[i - 1].code;
                // Only beside a CJK character: a run of Latin text inside Chinese (a
                // formula such as o = s(i - 1) + a + k - 2p, a shape) stays on one line.
                const bool beside_cjk = is_cjk(before) || is_cjk(c);
                if (beside_cjk && !closes(c) && !opens(before)) last_break = i;
            }
            x += font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
            if (x > width && i > line_start) break;
        }
        std::size_t stop = i;
        if (!hard_break && i < glyphs.size() && last_break > line_start) stop = last_break;
        const std::size_t from = glyphs[line_start].at;
        const std::size_t to = stop < glyphs.size() ? glyphs[stop].at : text.size();
        std::string line = text.substr(from, to - from);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(line);
        line_start = hard_break ? stop + 1 : stop;
    }
    return lines;
}

void wrapped_text(const char* text) {
    const std::string value = text;
    if (!has_cjk(value)) {
        ImGui::TextWrapped("%s", text);
        return;
    }
    // One block with newlines: the lines sit a font size apart, as TextWrapped's do.
    std::string block;
    const float width = ImGui::GetContentRegionAvail().x;
    for (const std::string& line :
         wrap_lines(ImGui::GetFont(), ImGui::GetFontSize(), value, width)) {
        if (!block.empty()) block += '\n';
        block += line;
    }
    ImGui::TextUnformatted(block.c_str());
}

}  // namespace convscope
