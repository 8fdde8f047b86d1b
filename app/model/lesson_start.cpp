#include "app/model/lesson_start.hpp"

#include <algorithm>

#include "app/model/lesson_scene.hpp"
#include "core/lessons/lessons.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

LessonState starting_lesson_state(const LessonStartOptions& options) {
    LessonState state;
    if (!options.open_path.empty()) {
        state = load_lesson_state(options.open_path);
    } else {
        const Lesson* lesson = find_lesson(options.scene);
        if (lesson == nullptr) {
            throw InputError("unknown scene '" + options.scene +
                             "'; scenes are: " + lesson_ids(", "));
        }
        state.lesson_id = lesson->id;
        state.setup = lesson->setup;
    }
    int steps = 0;
    try {
        if (!options.overrides.empty()) {
            state.setup = apply_setting_overrides(state.setup, options.overrides);
        }
        steps = open_lesson_with(state.lesson_id, state.setup).step_count();
    } catch (const InputError& error) {
        // Without --set the setup is a lesson's own or a checked file's: core took it.
        throw InputError("--set: " + std::string(error.what()));
    }
    if (options.step) {
        if (*options.step < 0 || *options.step >= steps) {
            throw InputError("--step " + std::to_string(*options.step) + " is out of range: " +
                             state.lesson_id + " has " + std::to_string(steps) + " steps (0 to " +
                             std::to_string(steps - 1) + ")");
        }
        state.step = *options.step;
    }
    state.step = std::min(state.step, steps - 1);
    return state;
}

}  // namespace convscope
