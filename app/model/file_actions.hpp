// What the frame's file actions mean: a "..." button asks the desktop's chooser (the shell
// runs it) or opens the in-app browser; a chosen, typed or dropped path becomes the
// request its kind and purpose call for (open a lesson or a picture, load weights or
// training data, use a .npy as the lesson's input, set the export target), and its
// folder is remembered per kind. The reducer calls with_file_actions() first thing.
#pragma once

#include <optional>
#include <string>

#include "app/model/app_state.hpp"
#include "app/model/lesson_scene.hpp"

namespace convscope {

// `actions` with what its file actions ask for merged in; updates state.files and
// state.last_folders. When a chooser should be asked, `ask_desktop` gets its call.
Actions with_file_actions(const Actions& actions, AppState& state, const LessonScene& scene,
                          std::optional<ChooserCall>* ask_desktop);

// What a path of `kind` (sniff it with detect_file_kind) does when dropped or opened with
// Ctrl+O; an ONNX model or a file of no known kind only sets a notice naming it.
Actions actions_for_path(const std::string& path, FileKind kind, AppState& state,
                         const LessonScene& scene);

// What a path chosen for `chosen.purpose` asks for.
Actions actions_for_choice(const ChosenFile& chosen, AppState& state, const LessonScene& scene);

// Where a chooser for `kind` starts: the kind's last folder while it exists, else the
// working folder.
std::string start_folder(const AppState& state, FileKind kind);

// The desktop chooser could not run: the in-app browser takes the waiting request.
void fall_back_to_browser(AppState& state);

}  // namespace convscope
