// Puts GL-drawn grid cells into ImGui's draw order.
//
// A panel adds a batch of cells to its window's draw list as a callback, then draws
// text with ImGui as usual: the text lands on top of the cells, and ImGui windows or
// menus drawn later land on top of both. Cells are laid out in ImGui's logical
// coordinates; the callback converts them to framebuffer pixels.
#pragma once

#include <deque>
#include <vector>

#include "app/gl/grid_renderer.hpp"
#include "imgui.h"

namespace convscope {

class GridLayer {
  public:
    explicit GridLayer(gl::GridRenderer& renderer) : renderer_(renderer) {}

    // Forgets last frame's batches; call before ImGui::NewFrame.
    void begin_frame() { batches_.clear(); }

    // Queues `cells` (already in framebuffer pixels) to be drawn at this point of `list`.
    void add(ImDrawList* list, std::vector<gl::CellInstance> cells, float hatch_period);

  private:
    struct Batch {
        GridLayer* layer;
        std::vector<gl::CellInstance> cells;
        float hatch_period;
    };
    static void draw_batch(const ImDrawList* list, const ImDrawCmd* command);

    gl::GridRenderer& renderer_;
    std::deque<Batch> batches_;  // a deque keeps each batch's address while callbacks wait
};

}  // namespace convscope
