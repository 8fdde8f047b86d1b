// The app model as the reducer tests drive it: the window's state and the lesson on
// screen, changed only through Actions (app/model/reducer.hpp).
#pragma once

#include <string>

#include "app/model/reducer.hpp"

namespace convscope::testing {

struct AppModel {
    AppState state;
    LessonScene scene;
    explicit AppModel(const std::string& lesson = "conv-basic", int step = 0) {
        show_lesson(lesson, step, state, scene);
    }
    WindowRequests apply(const Actions& actions) { return apply_actions(actions, state, scene); }
    int last() const { return scene.step_count() - 1; }
};

}  // namespace convscope::testing
