// Renders lesson steps for export (GIF frames, PNG, SVG) in an ImGui context of its own,
// at the export's size and 96 dpi: the window keeps its fonts and layout while an export
// runs beside it, and the CLI renders exactly what the window would.
#pragma once

#include <memory>
#include <string>

#include "app/gl/grid_renderer.hpp"
#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"
#include "core/formats/image_file.hpp"

struct ImGuiContext;

namespace convscope {

// The state an exported step is drawn in: the lesson view alone, as in presentation
// mode, at `step`, with the window's text size.
AppState export_state(const AppState& window_state, int step);

class LessonRenderer {
  public:
    // Needs a current GL 3.3 context and the renderer of its cells. Throws gl::GlError
    // when the framebuffer or ImGui's GL backend cannot be made.
    LessonRenderer(gl::GridRenderer& cells, int width, int height);
    ~LessonRenderer();
    LessonRenderer(const LessonRenderer&) = delete;
    LessonRenderer& operator=(const LessonRenderer&) = delete;

    int width() const;
    int height() const;

    // The lesson view of `scene` in `state` (export_state), as pixels. Leaves the
    // window's framebuffer (0) bound and the caller's ImGui context current.
    RgbImage picture(const LessonScene& scene, const AppState& state);
    // The same view as an SVG document.
    std::string svg(const LessonScene& scene, const AppState& state);

  private:
    struct Context;
    std::unique_ptr<Context> context_;
};

}  // namespace convscope
