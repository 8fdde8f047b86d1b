// The window's command line: [--scene NAME | --open FILE] [--set K=V,...] [--step T]
// [--lang en|zh] [--presentation] [--board-only] [--screenshot FILE.png | --all-scenes
// --screenshot-dir DIR]
// [--size WxH] [--list-scenes] [--bench-frames N] [--theme light|dark] [--no-settings]
// [--quiz value|size|window [--answer A]].
#pragma once

#include <optional>
#include <string>

#include "app/model/theme.hpp"
#include "app/model/translate.hpp"

namespace convscope {

struct GuiOptions {
    std::string scene;            // empty: the first scene
    std::string screenshot_path;  // empty: open the window interactively
    std::optional<int> step;      // 0-based step of the lesson's trace; none: 0 or the file's
    std::string open_path;        // --open: a lesson file (its lesson, step and setup)
    std::string overrides;        // --set: "input=7x7,stride=2" (several --set join with ',')
    bool presentation = false;
    std::optional<Language> language;  // --lang en|zh; else remembered, else the locale
    // The lesson view alone over the whole picture, as `convscope export` draws it.
    bool board_only = false;
    // Batch screenshots: every lesson at step 0 and at a later step, into this folder.
    bool all_scenes = false;
    std::string screenshot_dir;
    int width = 1280;
    int height = 720;
    bool size_given = false;     // --size: the window opens at it, not at the remembered size
    std::optional<Theme> theme;  // --theme light|dark; else remembered, else light
    bool no_settings = false;    // --no-settings: defaults; the settings file is not touched
    bool list_scenes = false;
    // Render this many frames offscreen and print their times (then the screenshot, if any).
    int bench_frames = 0;
    // --quiz value|size|window: the lesson opens with that question asked; --answer
    // types (or, for a window, clicks "y,x;y,x") and checks an answer, for screenshots.
    std::string quiz;
    std::string answer;
};

// Throws InputError naming the bad argument.
GuiOptions parse_gui_options(int argc, char** argv);

}  // namespace convscope
