#include "app/widgets/canvas.hpp"

#include <utility>

#include "app/widgets/grid_layer.hpp"
#include "app/widgets/text_wrap.hpp"

namespace convscope {

void DrawListCanvas::cells(std::vector<gl::CellInstance> cells, float hatch_period) {
    layer_.add(list_, std::move(cells), hatch_period);
}

void DrawListCanvas::text(ImFont* font, float size, ImVec2 at, ImU32 colour,
                          const std::string& text, float wrap_width) {
    if (wrap_width <= 0 || !has_cjk(text)) {
        list_->AddText(font, size, at, colour, text.c_str(), nullptr, wrap_width);
        return;
    }
    for (const std::string& line : wrap_lines(font, size, text, wrap_width)) {
        list_->AddText(font, size, at, colour, line.c_str());
        at.y += size;
    }
}

void DrawListCanvas::line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
    list_->AddLine(a, b, colour, thickness);
}

void DrawListCanvas::rect(ImVec2 min, ImVec2 max, ImU32 colour) {
    list_->AddRectFilled(min, max, colour);
}

void DrawListCanvas::dot(ImVec2 centre, float radius, ImU32 colour) {
    list_->AddCircleFilled(centre, radius, colour);
}

}  // namespace convscope
