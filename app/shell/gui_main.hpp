// The window: `convscope [--scene NAME] [--screenshot FILE.png] [--size WxH] [--list-scenes]`.
#pragma once

namespace convscope {

// Runs the GUI with the arguments after the program name; returns the exit code
// (0, 1 when the window cannot open, 2 for a bad argument or an unknown scene).
int run_gui(int argc, char** argv);

}  // namespace convscope
