// The window's command line: [--scene NAME] [--step T] [--presentation] [--board-only]
// [--screenshot FILE.png | --all-scenes --screenshot-dir DIR] [--size WxH] [--list-scenes]
// [--bench-frames N].
#pragma once

#include <string>

namespace convscope {

struct GuiOptions {
    std::string scene;            // empty: the first scene
    std::string screenshot_path;  // empty: open the window interactively
    int step = 0;                 // 0-based step of the lesson's trace
    bool presentation = false;
    // The lesson view alone over the whole picture, as `convscope export` draws it.
    bool board_only = false;
    // Batch screenshots: every lesson at step 0 and at a later step, into this folder.
    bool all_scenes = false;
    std::string screenshot_dir;
    int width = 1280;
    int height = 720;
    bool list_scenes = false;
    // Render this many frames offscreen and print their times (then the screenshot, if any).
    int bench_frames = 0;
};

// Throws InputError naming the bad argument.
GuiOptions parse_gui_options(int argc, char** argv);

}  // namespace convscope
