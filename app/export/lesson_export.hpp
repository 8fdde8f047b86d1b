// One lesson exported to a file: a GIF of a range of steps, or one step as PNG or SVG.
// The job renders a step at a time (the window renders one per frame, so it keeps
// drawing; the CLI loops), then encodes and writes the file atomically.
#pragma once

#include <string>
#include <vector>

#include "app/export/lesson_renderer.hpp"
#include "app/model/app_state.hpp"
#include "app/model/export_request.hpp"
#include "app/model/lesson_scene.hpp"
#include "core/formats/image_file.hpp"

namespace convscope {

class ExportJob {
  public:
    ExportJob(LessonScene scene, const AppState& window_state, ExportRequest request);

    // Renders the next step with `renderer` (its size must be the request's); false
    // once every step is rendered. GL thread only.
    bool render_next(LessonRenderer& renderer);
    // 0..1 of the steps rendered.
    float progress() const;
    const ExportRequest& request() const { return request_; }

    // The file's bytes, once every step is rendered; any thread.
    std::string encode() const;

  private:
    LessonScene scene_;
    AppState state_;
    ExportRequest request_;
    int next_step_;
    std::vector<RgbImage> frames_;
    std::string svg_;
};

}  // namespace convscope
