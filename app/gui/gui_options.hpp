// The window's command line: [--scene NAME] [--screenshot FILE.png] [--size WxH]
// [--list-scenes].
#pragma once

#include <string>

namespace convscope {

struct GuiOptions {
    std::string scene;            // empty: the first scene
    std::string screenshot_path;  // empty: open the window interactively
    int width = 1280;
    int height = 720;
    bool list_scenes = false;
};

// Throws InputError naming the bad argument.
GuiOptions parse_gui_options(int argc, char** argv);

}  // namespace convscope
