// Where the lesson view puts its cells and its text: the window (GL cells under ImGui
// text) or a vector picture (app/export/svg_canvas). One layout, several outputs, so an
// exported step looks exactly like the step on screen.
#pragma once

#include <string>
#include <vector>

#include "app/gl/grid_renderer.hpp"
#include "imgui.h"

namespace convscope {

class GridLayer;

class Canvas {
  public:
    virtual ~Canvas() = default;
    // Cells in framebuffer pixels, drawn beneath any text that follows.
    virtual void cells(std::vector<gl::CellInstance> cells, float hatch_period) = 0;
    // `text` with its top-left at `at` (logical pixels) in `font` at `size`; wrapped at
    // `wrap_width` logical pixels when it is above zero.
    virtual void text(ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& text,
                      float wrap_width = 0) = 0;
    // Shapes in logical pixels over the cells (a plot's axis, stems, marks).
    virtual void line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness) = 0;
    virtual void rect(ImVec2 min, ImVec2 max, ImU32 colour) = 0;  // filled
    virtual void dot(ImVec2 centre, float radius, ImU32 colour) = 0;
};

// The window: ImGui's draw list, with the GL cells queued into its draw order.
class DrawListCanvas : public Canvas {
  public:
    DrawListCanvas(ImDrawList* list, GridLayer& grid_layer) : list_(list), layer_(grid_layer) {}
    void cells(std::vector<gl::CellInstance> cells, float hatch_period) override;
    void text(ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& text,
              float wrap_width = 0) override;
    void line(ImVec2 a, ImVec2 b, ImU32 colour, float thickness) override;
    void rect(ImVec2 min, ImVec2 max, ImU32 colour) override;
    void dot(ImVec2 centre, float radius, ImU32 colour) override;

  private:
    ImDrawList* list_;
    GridLayer& layer_;
};

}  // namespace convscope
