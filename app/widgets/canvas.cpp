#include "app/widgets/canvas.hpp"

#include <utility>

#include "app/widgets/grid_layer.hpp"

namespace convscope {

void DrawListCanvas::cells(std::vector<gl::CellInstance> cells, float hatch_period) {
    layer_.add(list_, std::move(cells), hatch_period);
}

void DrawListCanvas::text(ImFont* font, float size, ImVec2 at, ImU32 colour,
                          const std::string& text, float wrap_width) {
    list_->AddText(font, size, at, colour, text.c_str(), nullptr, wrap_width);
}

}  // namespace convscope
