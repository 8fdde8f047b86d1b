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

}  // namespace convscope
