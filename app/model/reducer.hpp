// The reducer: how one frame's Actions, merged from every panel, change what the window
// remembers (AppState) and the lesson on screen (LessonScene). No GL and no window here:
// what only the window can do (fullscreen, quit) comes back as WindowRequests, and what
// needs the live modes' models (training, pictures, the canvas) is LiveModes::apply's.
#pragma once

#include <optional>
#include <string>

#include "app/model/app_state.hpp"
#include "app/model/file_request.hpp"
#include "app/model/lesson_scene.hpp"
#include "core/lessons/lesson_file.hpp"

namespace convscope {

// What the shell carries out on the window after apply_actions().
struct WindowRequests {
    bool toggle_fullscreen = false;
    bool leave_fullscreen = false;
    bool quit = false;
    bool start_export = false;               // with state.export_choices; none while one runs
    bool language_changed = false;           // load its texts and fonts, remember the choice
    std::optional<ChooserCall> ask_desktop;  // run the desktop's file chooser
    LiveActions live;  // the live modes' requests: the panels' and the files' (file_actions.hpp)
};

// Lesson `id` at `step` (clamped to its trace) in Convolution mode, paused, with nothing
// selected. InputError for an unknown id (state and scene unchanged).
void show_lesson(const std::string& id, int step, AppState& state, LessonScene& scene);

// As show_lesson, with `saved`'s setup and step. InputError when core refuses the setup
// or the step is past its trace (state and scene unchanged).
void show_lesson_state(const LessonState& saved, AppState& state, LessonScene& scene);

// The lesson on screen as a lesson file keeps it: its id, step and valid setup (the last
// one core accepted) with every value written out.
LessonState current_lesson_state(const AppState& state, const LessonScene& scene);

// Applies `actions` in order: files (with_file_actions: chosen, dropped, requested), mode, lesson,
// a lesson file to open, the playground's settings and selections, playback, text size, panel
// toggles, a lesson file to save (what is on screen after all of that), then the live modes' view
// state (their selections and fields; LiveActions' requests to the models are left to LiveModes). A
// file that cannot be read or written leaves the lesson as it was and says why in
// AppState::lesson_file.
WindowRequests apply_actions(const Actions& actions, AppState& state, LessonScene& scene);

// The live modes' part of apply_actions(): only AppState's network and images fields.
void apply_live_view_actions(const LiveActions& actions, AppState& state);

// Moves the animation on by `seconds` of wall time while it plays; it stops on the
// last step, with the whole output in view.
void advance_playback(double seconds, AppState& state, const LessonScene& scene);

}  // namespace convscope
