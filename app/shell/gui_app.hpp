// The running window: app state, the lesson scene, fonts and the grid renderer,
// the frame (panels -> actions -> state) and the two ways to run it: interactively,
// or for a fixed number of frames into a PNG.
#pragma once

#include <deque>
#include <string>

#include "app/export/export_runner.hpp"
#include "app/gl/grid_renderer.hpp"
#include "app/live/live_modes.hpp"
#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"
#include "app/model/settings_text.hpp"
#include "app/shell/chooser_process.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/gui_window.hpp"
#include "app/shell/ui_metrics.hpp"
#include "app/widgets/grid_layer.hpp"
#include "core/lessons/lesson_file.hpp"

namespace convscope {

class GuiApp {
  public:
    // Opens `scene` (a lesson or a live-mode scene, LiveModes::scene_names()) and
    // compiles the shaders (throws gl::GlError, or InputError for an unknown lesson).
    GuiApp(GuiWindow& window, const std::string& scene);

    // Shows lesson `scene` at `step` (clamped to its trace), or a live-mode scene;
    // throws InputError for an unknown lesson.
    void open_scene(const std::string& scene, int step);
    // A lesson with its saved (or --set) setup and step (reducer.hpp's show_lesson_state).
    void show_lesson_state(const LessonState& saved);
    void set_presentation(bool on) { state_.presentation = on; }
    // Every text in `language`: its catalogue and the characters it needs in the fonts.
    // English, with a notice in the top bar, when its texts or its font are missing.
    void set_language(Language language);
    void set_theme(Theme theme) { state_.theme = theme; }
    // Text size, theme, panels, folders and, `with_mode`, the mode from `settings`.
    void restore(const Settings& settings, bool with_mode);
    // From now on, saves the settings to `folder` when they change (at most once a
    // second) and when run() ends. `saved` is what the folder holds now.
    void remember_settings_in(const std::string& folder, const Settings& saved);

    // Frames of the lesson view alone, as export draws it (for comparing the two).
    void set_board_only(bool on) { board_only_ = on; }

    // Starts the quiz's `question` on the lesson on screen; a non-empty `answer` is typed
    // (a window question's: clicked, "y,x;y,x") and checked. InputError for a bad answer.
    void start_quiz(QuizQuestion question, const std::string& answer);

    // Until the window closes.
    void run();

    // Renders `width` x `height` offscreen until the layout settles, writes the PNG
    // atomically and prints "screenshot: FILE WxH, N distinct colours, pixels HASH"
    // (the hash tells two pictures apart without reading the files).
    // Throws std::runtime_error when the file cannot be written.
    void screenshot(const std::string& path, int width, int height);

    // Renders `frames` offscreen frames as fast as they come, timing each (GL finished),
    // and prints "frame ms: median X p99 Y". The training scene trains meanwhile.
    void bench(int frames, int width, int height);

    // Paths dropped on the window: one per frame becomes Actions::dropped_file.
    void queue_drops(int count, const char** paths);

  private:
    // One frame into the bound framebuffer. `forced_size` (logical = framebuffer
    // pixels) replaces the window's size for offscreen frames; nullptr uses the window.
    void frame(const ImVec2* forced_size);
    Actions draw_panels();
    // A dropped path and the desktop chooser's answer, if any, as this frame's Actions.
    Actions file_events();
    // Runs the desktop's chooser; the in-app browser when it cannot start.
    void ask_desktop(const ChooserCall& call);
    // The reducer (app/model/reducer.hpp), then the live modes' models and the window.
    void apply(const Actions& actions);
    // Offscreen frames until the live scene has something to show (training curves),
    // at most `seconds` of wall time.
    void wait_for_scene(int width, int height, double seconds);
    void print_training_status() const;
    // Bakes fonts and re-scales the theme when the wanted sizes changed; call
    // before ImGui::NewFrame.
    void prepare_fonts_and_theme();
    FontSizes wanted_font_sizes() const;
    // Sets ui_scale_ for a display of this logical size.
    void update_ui_scale(ImVec2 display_size);
    // Fixed 96 dpi at one pixel per logical pixel for --screenshot and --bench-frames;
    // returns the display size to draw frames at.
    ImVec2 use_offscreen_scale(int width, int height);
    UiMetrics metrics() const;
    // Writes the settings when they differ from the last written (`now`: whatever the
    // time since the last write).
    void save_settings_if_changed(bool now);

    GuiWindow& window_;
    AppState state_;
    LessonScene scene_;
    Fonts fonts_;
    gl::GridRenderer renderer_;
    GridLayer grid_layer_;
    LiveModes live_;
    ExportRunner exports_;  // after renderer_, which it draws cells with
    ChooserProcess chooser_;
    std::deque<std::string> dropped_;
    FontRequest conv_fonts_;  // what the conv view asked for last frame
    float pixel_ratio_ = 1;
    float dpi_scale_ = 1;          // from the window; 1 for offscreen frames
    float ui_scale_ = 1;           // dpi_scale_ x window-size boost, see UiMetrics
    float themed_scale_ = 0;       // the scale apply_theme last used
    bool renderer_ready_ = false;  // ImGui's GL backend made its font texture
    bool board_only_ = false;
    Theme themed_theme_ = Theme::Light;  // the theme apply_theme last used
    std::string settings_folder_;        // "": settings are neither read nor written
    Settings saved_settings_;            // what the settings file holds
    double settings_saved_at_ = 0;       // glfwGetTime() of the last write
};

}  // namespace convscope
