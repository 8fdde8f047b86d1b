// Draws grid cells as instanced quads with shaders/grid.vert and grid.frag.
//
// The caller lays cells out in framebuffer pixels; the renderer only uploads and
// draws them. It knows nothing of ImGui or of what the numbers mean.
#pragma once

#include <vector>

#include "app/gl/colour_maps.hpp"
#include "app/gl/gl_objects.hpp"

namespace convscope::gl {

// As the kind constants in grid.frag.
enum class CellKind { Value = 0, Padding = 1, GridLine = 2, Highlight = 3, Blank = 4 };

// One quad. Layout matches the per-instance attributes of grid.vert.
struct CellInstance {
    float x = 0, y = 0, width = 0, height = 0;  // framebuffer pixels, y down
    float shade = 0;                            // position on the colour map, 0..1
    float map = 0;                              // CellPalette
    float kind = 0;                             // CellKind
    float unused = 0;

    static CellInstance make(float x, float y, float width, float height, CellKind kind,
                             CellPalette map = CellPalette::Input, float shade = 0) {
        return {x,   y, width, height, shade, static_cast<float>(map), static_cast<float>(kind),
                0.0f};
    }
};

// A scissor rectangle in framebuffer pixels, y down.
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
};

class GridRenderer {
  public:
    // Compiles the shaders; throws GlError. Needs a current GL 3.3 context.
    GridRenderer();

    // Draws `cells` into the bound framebuffer of the given size, clipped to `clip`.
    // Leaves the program, vertex array and scissor changed: ImGui callers follow it
    // with ImDrawCallback_ResetRenderState.
    void draw(const std::vector<CellInstance>& cells, int framebuffer_width, int framebuffer_height,
              const PixelRect& clip, float hatch_period);

  private:
    ShaderProgram program_;
    VertexArray vertex_array_;
    Buffer corners_;    // the unit quad, shared by every instance
    Buffer instances_;  // refilled on every draw
    GLint framebuffer_size_location_ = -1;
    GLint hatch_period_location_ = -1;
    const Palette* uploaded_palette_ = nullptr;  // the theme's colours the shader holds
    void upload_palette();
};

}  // namespace convscope::gl
