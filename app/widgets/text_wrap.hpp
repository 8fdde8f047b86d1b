// Line breaks for paragraphs in Chinese as well as English. ImGui wraps only at spaces
// (and cuts anywhere a run longer than the line), which leaves Chinese lines ragged and
// can start a line with "，". Here a line may also break between any two CJK
// characters, but never before closing punctuation nor after opening punctuation, and
// a run of Latin text inside Chinese (a formula, a shape) is kept on one line.
// Text with no CJK character breaks exactly where ImGui breaks it, so English screens
// stay as they were.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace convscope {

// Whether `text` (UTF-8) holds a CJK ideograph, kana, CJK punctuation or a full-width form.
bool has_cjk(const std::string& text);

// The lines of `text` drawn in `font` at `size` within `width` logical pixels; blanks at
// a break are dropped and "\n" always breaks.
std::vector<std::string> wrap_lines(ImFont* font, float size, const std::string& text, float width);

// ImGui::TextWrapped for panels: `text` wrapped at the window's content edge, with
// wrap_lines' breaks when it holds CJK (ImGui's own otherwise, so English is unchanged).
void wrapped_text(const char* text);
inline void wrapped_text(const std::string& text) {
    wrapped_text(text.c_str());
}

}  // namespace convscope
