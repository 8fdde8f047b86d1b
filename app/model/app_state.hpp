// What the window remembers between frames, and the actions panels return.
//
// Panels read AppState and never change it; the main loop applies their Actions
// between frames (DESIGN "Architecture": panels return actions).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "app/model/export_request.hpp"
#include "app/model/file_browser.hpp"
#include "app/model/file_request.hpp"
#include "app/model/live_state.hpp"
#include "app/model/quiz_state.hpp"
#include "app/model/theme.hpp"
#include "app/model/translate.hpp"
#include "app/model/typing_actions.hpp"
#include "core/lessons/playground.hpp"
#include "core/tensor/message.hpp"

namespace convscope {

enum class Mode { Convolution, Network, Images, Draw };

struct FontRequest {
    float heading = 0;  // grid labels, the sum line, operators (logical pixels)
    float number = 0;   // numbers inside cells
};

// The animation: which step of the trace is shown and whether it advances by itself.
struct Playback {
    int step = 0;  // 0-based step of the current scene's trace
    bool playing = false;
    float steps_per_second = 2.0f;
    double pending_steps = 0;  // play time not yet turned into a step, in steps
};

constexpr float kMinStepsPerSecond = 0.25f;
constexpr float kMaxStepsPerSecond = 20.0f;

// A cell of the playground's input (n, c, y, x) or kernel (its own layout's 4 indices),
// or of the backward lessons' upstream gradient dL/dY (n, f, y, x).
struct CellRef {
    enum class Tensor { None, Input, Kernel, GradOutput };
    Tensor tensor = Tensor::None;
    int i0 = 0, i1 = 0, y = 0, x = 0;  // input, dL/dY: n, c; conv kernel: f, c; transposed: c, f
    bool operator==(const CellRef& o) const {
        return tensor == o.tensor && i0 == o.i0 && i1 == o.i1 && y == o.y && x == o.x;
    }
};

// A unit of the top layer in the receptive-field view.
struct UnitRef {
    int y = -1, x = -1;  // -1: the default (the centre unit)
};

// The controls' lesson file row: the path typed, and what the last Save or Open did.
struct LessonFileView {
    std::string path = "lesson.json";
    std::string message;    // "Saved ..., to /abs/path", or why it failed
    bool failed = false;    // the message is an error (drawn in red)
    Message error_message;  // when failed: the reason, translatable (shown_text)
    bool reveal = false;    // a new message: the controls scroll it into view
};

// Files opened and saved through a chooser, dropped, or typed (app/model/file_actions.hpp).
struct FilesState {
    ChooserTool desktop_tool = ChooserTool::None;  // the shell finds it at start
    std::optional<FilePurpose> waiting;            // the desktop's chooser is open for this
    FileBrowserState browser;                      // the in-app fallback
    std::string notice;                            // what the last drop or choice did, or why not
    bool notice_failed = false;                    // drawn as an error
};

// A path the chooser or the in-app browser answered, and what it was asked for.
struct ChosenFile {
    FilePurpose purpose = FilePurpose::OpenAny;
    std::string path;
};

struct AppState {
    Mode mode = Mode::Convolution;
    Language language = Language::English;  // of every text in the window
    std::string language_notice;            // why the chosen language could not be shown, or empty
    std::string scene;                      // the lesson id shown in Convolution mode
    float text_scale = 1.0f;                // Ctrl+= / Ctrl+- ; multiplies every font
    Theme theme = Theme::Light;             // the palette of every widget and grid
    bool fullscreen = false;
    bool show_lessons = true;     // the lesson list on the left
    bool show_controls = true;    // the playground's settings on the right
    bool show_shortcuts = false;  // the keyboard help window ("?" / F1)
    bool presentation = false;    // lecture mode: grids large, side panels hidden
    Playback playback;
    CellRef selected_cell;       // the cell the editor changes; a kernel cell also lights its uses
    std::string cell_typing;     // digits typed into the selected cell, before Enter or Tab
    UnitRef field_unit;          // receptive-field view
    bool kernel_turned = false;  // convolution vs correlation: the kernel turned 180°
    LessonFileView lesson_file;
    NetworkViewState network;
    ImagesViewState images;
    ExplainViewState explain;   // the Images and Draw modes' overlay
    bool show_export = false;   // the Export window
    bool show_pytorch = false;  // the PyTorch code window (Convolution mode)
    ExportChoices export_choices;
    ExportProgress export_progress;  // the shell copies it from the running export each frame
    QuizState quiz;
    RevealState reveal;  // presentation mode's predict-then-reveal
    // The folder last used for each kind of file ("images", "weights", ...): the file
    // chooser starts there; the settings file remembers it.
    std::map<std::string, std::string> last_folders;
    FilesState files;
};

constexpr float kMinTextScale = 0.6f;
constexpr float kMaxTextScale = 2.5f;

// Steps to the last step of the trace, whatever its length.
constexpr int kLastStep = 1 << 30;

struct Actions {
    std::optional<Mode> select_mode;
    std::optional<Language> select_language;
    std::optional<Theme> select_theme;
    std::string select_scene;  // a lesson id; empty: keep
    int text_size_steps = 0;   // +1 larger, -1 smaller
    bool reset_text_size = false;
    bool toggle_fullscreen = false;
    bool leave_fullscreen = false;
    bool toggle_lessons = false;
    bool toggle_controls = false;
    bool toggle_shortcuts = false;
    bool close_shortcuts = false;
    bool toggle_presentation = false;
    bool quit = false;
    FontRequest fonts;  // sizes the lesson view would like its fonts baked at

    // Playback
    int go_to_step = -1;  // absolute step (kLastStep: the end); -1 keeps
    int step_by = 0;      // relative steps, after go_to_step
    bool toggle_play = false;
    float set_speed = 0;  // steps per second; 0 keeps

    // The playground
    std::optional<PlaygroundSetup> edit_setup;  // the settings the user typed
    bool reset_lesson = false;
    bool new_random_values = false;
    bool new_grad_output = false;          // fresh small integers for the backward lessons' dL/dY
    std::optional<float> grad_cell_value;  // the editor's value for the selected dL/dY cell
    std::optional<CellRef> select_cell;
    std::optional<UnitRef> select_unit;
    bool toggle_direct_view = false;    // a transposed conv: scatter <-> direct convolution
    bool toggle_kernel_turned = false;  // cross-correlation <-> convolution

    // Lesson files: the reducer reads and writes them, never the panel.
    std::optional<std::string> lesson_path_field;
    std::string save_lesson_file;  // a path; empty: none
    std::string open_lesson_file;  // a path; empty: none
    bool lesson_message_revealed = false;

    LiveActions live;  // Network, Images and Draw modes

    // Export
    bool toggle_export = false;
    std::optional<ExportChoices> edit_export;
    bool toggle_pytorch = false;  // the PyTorch code window
    bool start_export = false;    // with the choices as they stand after edit_export

    QuizActions quiz;      // answers, questions, predict-then-reveal
    TypingActions typing;  // a value typed into the selected cell
    // Files (app/model/file_actions.hpp)
    std::optional<FilePurpose> request_file;    // a "..." button: the desktop's chooser or ours
    std::optional<ChosenFile> chosen_file;      // the chooser's or the browser's answer
    std::string dropped_file;                   // one path dropped on the window (one per frame)
    std::optional<std::string> browser_folder;  // the browser goes there
    std::optional<std::string> browser_name;    // the browser's typed name
    std::optional<FileKind> browser_filter;
    bool close_browser = false;
    bool dismiss_notice = false;

    // Folds another panel's actions into these. Every toggle ORs: two panels asking to
    // toggle in one frame toggle once (an XOR would cancel them).
    void merge(const Actions& other) {
        if (other.select_mode) select_mode = other.select_mode;
        if (other.select_language) select_language = other.select_language;
        if (other.select_theme) select_theme = other.select_theme;
        if (!other.select_scene.empty()) select_scene = other.select_scene;
        text_size_steps += other.text_size_steps;
        reset_text_size |= other.reset_text_size;
        toggle_fullscreen |= other.toggle_fullscreen;
        leave_fullscreen |= other.leave_fullscreen;
        toggle_lessons |= other.toggle_lessons;
        toggle_controls |= other.toggle_controls;
        toggle_shortcuts |= other.toggle_shortcuts;
        close_shortcuts |= other.close_shortcuts;
        toggle_presentation |= other.toggle_presentation;
        quit |= other.quit;
        if (other.fonts.heading > 0) fonts = other.fonts;
        if (other.go_to_step >= 0) go_to_step = other.go_to_step;
        step_by += other.step_by;
        toggle_play |= other.toggle_play;
        if (other.set_speed > 0) set_speed = other.set_speed;
        if (other.edit_setup) edit_setup = other.edit_setup;
        toggle_export |= other.toggle_export;
        toggle_pytorch |= other.toggle_pytorch;
        if (other.edit_export) edit_export = other.edit_export;
        start_export |= other.start_export;
        if (other.request_file) request_file = other.request_file;
        if (other.chosen_file) chosen_file = other.chosen_file;
        if (!other.dropped_file.empty()) dropped_file = other.dropped_file;
        if (other.browser_folder) browser_folder = other.browser_folder;
        if (other.browser_name) browser_name = other.browser_name;
        if (other.browser_filter) browser_filter = other.browser_filter;
        close_browser |= other.close_browser;
        dismiss_notice |= other.dismiss_notice;
        reset_lesson |= other.reset_lesson;
        new_random_values |= other.new_random_values;
        new_grad_output |= other.new_grad_output;
        if (other.grad_cell_value) grad_cell_value = other.grad_cell_value;
        if (other.select_cell) select_cell = other.select_cell;
        if (other.select_unit) select_unit = other.select_unit;
        toggle_direct_view |= other.toggle_direct_view;
        toggle_kernel_turned |= other.toggle_kernel_turned;
        if (other.lesson_path_field) lesson_path_field = other.lesson_path_field;
        if (!other.save_lesson_file.empty()) save_lesson_file = other.save_lesson_file;
        if (!other.open_lesson_file.empty()) open_lesson_file = other.open_lesson_file;
        lesson_message_revealed |= other.lesson_message_revealed;
        live.merge(other.live);
        quiz.merge(other.quiz);
        typing.merge(other.typing);
    }
};

}  // namespace convscope
