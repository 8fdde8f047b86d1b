// The reducer: how one frame's Actions, merged from every panel, change what the window
// remembers (AppState) and the lesson on screen (LessonScene). No GL and no window here:
// what only the window can do (fullscreen, quit) comes back as WindowRequests, and what
// needs the live modes' models (training, pictures, the canvas) is LiveModes::apply's.
#pragma once

#include <string>

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"

namespace convscope {

// What the shell carries out on the window after apply_actions().
struct WindowRequests {
    bool toggle_fullscreen = false;
    bool leave_fullscreen = false;
    bool quit = false;
    bool start_export = false;  // with state.export_choices; none while one runs
};

// Lesson `id` at `step` (clamped to its trace) in Convolution mode, paused, with nothing
// selected. InputError for an unknown id (state and scene unchanged).
void show_lesson(const std::string& id, int step, AppState& state, LessonScene& scene);

// Applies `actions` in order: mode, lesson, the playground's settings and selections,
// playback, text size, panel toggles, then the live modes' view state (their selections
// and fields; LiveActions' requests to the models are left to LiveModes).
WindowRequests apply_actions(const Actions& actions, AppState& state, LessonScene& scene);

// The live modes' part of apply_actions(): only AppState's network and images fields.
void apply_live_view_actions(const LiveActions& actions, AppState& state);

// Moves the animation on by `seconds` of wall time while it plays; it stops on the
// last step, with the whole output in view.
void advance_playback(double seconds, AppState& state, const LessonScene& scene);

}  // namespace convscope
