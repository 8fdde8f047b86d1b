// The window's exports: one at a time, a step rendered per frame so the window keeps
// drawing, then encoded and written on a worker thread while the progress shows.
#pragma once

#include <future>
#include <memory>
#include <optional>
#include <string>

#include "app/export/lesson_export.hpp"
#include "app/export/lesson_renderer.hpp"

namespace convscope {

class ExportRunner {
  public:
    explicit ExportRunner(gl::GridRenderer& cells) : cells_(cells) {}
    ~ExportRunner();

    // Starts exporting `scene` with `state.export_choices`: a GIF of every step or of the
    // chosen range, a PNG or SVG of the step on screen. A bad choice becomes the progress's
    // message instead. Ignored while an export runs.
    void start(const LessonScene& scene, const AppState& state);
    // Between frames, on the GL thread: renders the next step, or hands the finished
    // frames to the writer, or collects the writer's result.
    void tick();
    const ExportProgress& progress() const { return progress_; }

  private:
    // The Export window shows why, in the language on screen.
    void fail(const std::string& shown);
    void fail(const std::exception& error);

    gl::GridRenderer& cells_;
    std::unique_ptr<LessonRenderer> renderer_;  // kept while exports keep their size
    std::optional<ExportJob> job_;
    std::string path_;
    std::future<Message> writer_;  // empty when written, else why not
    ExportProgress progress_;
};

}  // namespace convscope
