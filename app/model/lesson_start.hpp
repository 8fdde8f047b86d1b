// The lesson the window starts on, from its command line: --scene NAME or --open FILE,
// then --set K=V,... on top, then --step T. Checked before any window opens, so a bad
// file or setting exits 2 with its reason.
#pragma once

#include <optional>
#include <string>

#include "core/lessons/lesson_file.hpp"

namespace convscope {

struct LessonStartOptions {
    std::string scene;      // a lesson id; ignored when open_path is set
    std::string open_path;  // a lesson file; empty: none
    std::string overrides;  // --set's text; empty: none
    std::optional<int> step;
};

// The state to open: the file's (or the lesson's own setup at step 0), with the
// overrides applied and --step in place of the saved step. A saved step past the end of
// a trace the overrides shortened becomes its last step. InputError naming the option:
// the file's problem, "--set: ..." when a setting is bad or core refuses the result,
// "--step T is out of range: ID has N steps (0 to N-1)".
LessonState starting_lesson_state(const LessonStartOptions& options);

}  // namespace convscope
