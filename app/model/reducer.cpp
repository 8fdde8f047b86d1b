// Sections: lessons, lesson files, actions, playback, live view state.
#include "app/model/reducer.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "app/model/cell_typing.hpp"
#include "app/model/file_actions.hpp"
#include "app/model/quiz_reducer.hpp"
#include "app/model/slow_training.hpp"
#include "app/model/translate.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

// ---- lessons -------------------------------------------------------------------------

namespace {

// `opened` on screen at `step` (clamped to its trace), paused, with nothing selected.
void put_on_screen(LessonScene opened, int step, AppState& state, LessonScene& scene) {
    scene = std::move(opened);
    state.mode = Mode::Convolution;
    state.scene = scene.lesson->id;
    state.playback.step = std::clamp(step, 0, scene.step_count() - 1);
    state.playback.playing = false;
    state.selected_cell = {};
    state.field_unit = {};
    state.kernel_turned = false;
}

}  // namespace

void show_lesson(const std::string& id, int step, AppState& state, LessonScene& scene) {
    put_on_screen(open_lesson(id), step, state, scene);  // open_lesson throws first
}

// ---- lesson files --------------------------------------------------------------------

void show_lesson_state(const LessonState& saved, AppState& state, LessonScene& scene) {
    LessonScene opened = open_lesson_with(saved.lesson_id, saved.setup);  // throws first
    const int steps = opened.step_count();
    if (saved.step < 0 || saved.step >= steps) {
        throw InputError("step " + std::to_string(saved.step) +
                         " is out of range: " + saved.lesson_id + " has " + std::to_string(steps) +
                         " steps (0 to " + std::to_string(steps - 1) + ")");
    }
    put_on_screen(std::move(opened), saved.step, state, scene);
}

LessonState current_lesson_state(const AppState& state, const LessonScene& scene) {
    return {scene.lesson->id, state.playback.step, with_explicit_values(scene.playground)};
}

namespace {

// The lesson, the step as the timeline counts it, and the path: the values of the
// "Opened ..." and "Saved ..." messages, in the language on screen.
TextArgs where_in_lesson(const AppState& state, const LessonScene& scene, const std::string& path) {
    return {{"lesson", state.scene},
            {"t", std::to_string(state.playback.step + 1)},
            {"n", std::to_string(scene.step_count())},
            {"path", path}};
}

// The path as the message line shows it: absolute, so "where it went" is unambiguous.
std::string shown_path(const std::string& path) {
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(path, error);
    return error ? path : absolute.lexically_normal().string();
}

// What a Save or Open did, on the controls' message line.
void report_lesson_file(AppState& state, const std::string& done) {
    state.lesson_file.message = done;
    state.lesson_file.failed = false;
    state.lesson_file.error_message = Message();
    state.lesson_file.reveal = true;
}
void report_lesson_file(AppState& state, const InputError& error) {
    state.lesson_file.message = error.what();
    state.lesson_file.failed = true;
    state.lesson_file.error_message = error.message();
    state.lesson_file.reveal = true;
}

void open_lesson_file(const std::string& path, AppState& state, LessonScene& scene) {
    try {
        show_lesson_state(load_lesson_state(path), state, scene);
        report_lesson_file(state, trf("Opened {lesson}, step {t} of {n}, from {path}",
                                      where_in_lesson(state, scene, shown_path(path))));
    } catch (const InputError& error) {
        report_lesson_file(state, error);
    }
}

void save_lesson_file(const std::string& path, AppState& state, const LessonScene& scene) {
    try {
        save_lesson_state(path, current_lesson_state(state, scene));
        report_lesson_file(state, trf("Saved {lesson}, step {t} of {n}, to {path}",
                                      where_in_lesson(state, scene, shown_path(path))));
    } catch (const InputError& error) {
        report_lesson_file(state, error);
    }
}

}  // namespace

// ---- actions -------------------------------------------------------------------------

namespace {

// The switches of the matrix lessons (issue 11). Both views of a transposed conv step
// through the same output cells in the same order, so the step stays.
void apply_view_switches(const Actions& actions, AppState& state, LessonScene& scene) {
    // Only between the plain steps of a transposed conv and its direct view.
    const bool direct = scene.view == LessonView::TransposedDirect;
    const bool scatter =
        scene.view == LessonView::Steps && scene.playground.trace.op() == TracedOp::TransposedConv;
    if (actions.toggle_direct_view && (direct || scatter)) {
        switch_view(scene, direct ? LessonView::Steps : LessonView::TransposedDirect);
    }
    if (actions.toggle_kernel_turned) state.kernel_turned = !state.kernel_turned;
}

void apply_playground(const Actions& actions, AppState& state, LessonScene& scene) {
    const int steps_before = scene.step_count();
    if (actions.reset_lesson) reset_to_lesson(scene);
    if (actions.new_random_values) use_new_random_values(scene);
    if (actions.new_grad_output) use_new_grad_output(scene);
    if (actions.grad_cell_value && holds_grad_cell(scene, state.selected_cell))
        set_grad_output(scene,
                        with_grad_value(scene, state.selected_cell, *actions.grad_cell_value));
    if (actions.edit_setup) propose_setup(scene, *actions.edit_setup);
    if (actions.select_cell) {
        // Clicking the selected cell again lets it go.
        state.selected_cell =
            *actions.select_cell == state.selected_cell ? CellRef{} : *actions.select_cell;
        state.cell_typing.clear();
    }
    if (!state.quiz.active && state.selected_cell.tensor == CellRef::Tensor::GradOutput) {
        std::optional<Tensor> typed =
            apply_grad_typing(actions.typing, scene, state.selected_cell, state.cell_typing);
        if (typed) set_grad_output(scene, std::move(*typed));
    } else if (!state.quiz.active) {
        const std::optional<PlaygroundSetup> typed =
            apply_typing(actions.typing, scene.playground, state.selected_cell, state.cell_typing);
        if (typed) propose_setup(scene, *typed);
    }
    if (actions.select_unit) {
        const UnitRef& unit = *actions.select_unit;
        const bool same = unit.y == state.field_unit.y && unit.x == state.field_unit.x;
        state.field_unit = same ? UnitRef{} : unit;
    }
    apply_view_switches(actions, state, scene);
    // A new shape is a new trace: start it from the beginning.
    if (scene.step_count() != steps_before) state.playback.step = 0;
}

void apply_playback(const Actions& actions, Playback& playback, const LessonScene& scene) {
    const int last = scene.step_count() - 1;
    if (actions.go_to_step >= 0) playback.step = std::min(actions.go_to_step, last);
    if (actions.step_by != 0) {
        playback.step = std::clamp(playback.step + actions.step_by, 0, last);
        playback.playing = false;  // stepping by hand takes over from the animation
    }
    if (actions.set_speed > 0) {
        playback.steps_per_second =
            std::clamp(actions.set_speed, kMinStepsPerSecond, kMaxStepsPerSecond);
    }
    if (actions.toggle_play) {
        playback.playing = !playback.playing;
        // Play at the end starts over.
        if (playback.playing && playback.step >= last) playback.step = 0;
        playback.pending_steps = 0;
    }
    playback.step = std::clamp(playback.step, 0, last);
}

void apply_text_size(const Actions& actions, AppState& state) {
    if (actions.reset_text_size) state.text_scale = 1.0f;
    if (actions.text_size_steps != 0) {
        // Steps of 10%, kept on round percentages.
        const float scaled = state.text_scale + 0.1f * static_cast<float>(actions.text_size_steps);
        state.text_scale =
            std::clamp(std::round(scaled * 10.0f) / 10.0f, kMinTextScale, kMaxTextScale);
    }
}

void apply_panel_toggles(const Actions& actions, AppState& state) {
    if (actions.toggle_lessons) state.show_lessons = !state.show_lessons;
    if (actions.toggle_controls) state.show_controls = !state.show_controls;
    if (actions.toggle_presentation) state.presentation = !state.presentation;
    if (actions.toggle_shortcuts) state.show_shortcuts = !state.show_shortcuts;
    if (actions.close_shortcuts) state.show_shortcuts = false;
    if (actions.toggle_export) state.show_export = !state.show_export;
    if (actions.toggle_pytorch) state.show_pytorch = !state.show_pytorch;
}

}  // namespace

WindowRequests apply_actions(const Actions& panel_actions, AppState& state, LessonScene& scene) {
    WindowRequests window;
    const Actions actions = with_file_actions(panel_actions, state, scene, &window.ask_desktop);
    window.live = actions.live;
    if (actions.select_mode) state.mode = *actions.select_mode;
    if (actions.select_language && *actions.select_language != state.language) {
        state.language = *actions.select_language;
        window.language_changed = true;
    }
    if (actions.select_theme) state.theme = *actions.select_theme;
    if (!actions.select_scene.empty() && actions.select_scene != state.scene) {
        show_lesson(actions.select_scene, 0, state, scene);
    }
    if (actions.lesson_path_field) state.lesson_file.path = *actions.lesson_path_field;
    if (actions.lesson_message_revealed) state.lesson_file.reveal = false;
    if (!actions.open_lesson_file.empty()) open_lesson_file(actions.open_lesson_file, state, scene);
    apply_playground(actions, state, scene);
    apply_playback(actions, state.playback, scene);
    apply_text_size(actions, state);
    apply_panel_toggles(actions, state);
    if (!actions.save_lesson_file.empty()) save_lesson_file(actions.save_lesson_file, state, scene);
    apply_live_view_actions(actions.live, state);
    apply_quiz_actions(actions.quiz, state, scene);
    if (actions.edit_export) state.export_choices = *actions.edit_export;
    window.start_export = actions.start_export && !state.export_progress.running;
    window.toggle_fullscreen = actions.toggle_fullscreen;
    window.leave_fullscreen = actions.leave_fullscreen;
    window.quit = actions.quit;
    return window;
}

// ---- playback ------------------------------------------------------------------------

void advance_playback(double seconds, AppState& state, const LessonScene& scene) {
    Playback& playback = state.playback;
    if (!playback.playing) return;
    playback.pending_steps += seconds * playback.steps_per_second;
    while (playback.pending_steps >= 1.0) {
        playback.pending_steps -= 1.0;
        if (playback.step + 1 >= scene.step_count()) {
            playback.playing = false;  // stop on the last step, the whole output in view
            playback.pending_steps = 0;
            return;
        }
        ++playback.step;
    }
}

// ---- live view state -----------------------------------------------------------------

void apply_live_view_actions(const LiveActions& actions, AppState& state) {
    NetworkViewState& network = state.network;
    if (actions.data_folder_field) network.data_folder = *actions.data_folder_field;
    if (actions.open_layer) network.open_layer = *actions.open_layer;
    if (actions.select_unit) {
        // Clicking the chosen unit again lets it go.
        network.unit = *actions.select_unit == network.unit ? FeatureUnit{} : *actions.select_unit;
    }
    if (actions.toggle_gradients) network.show_gradients = !network.show_gradients;
    if (actions.filters_npy_field) network.filters_npy_path = *actions.filters_npy_field;
    if (actions.maps_npy_field) network.maps_npy_path = *actions.maps_npy_field;
    apply_slow_training_actions(actions, network);

    ImagesViewState& images = state.images;
    if (actions.path_field) images.path_field = *actions.path_field;
    if (actions.select_kernel) images.kernel = *actions.select_kernel;
    if (actions.custom_kernel) images.custom = *actions.custom_kernel;
    if (actions.feature_layer) images.feature_layer = *actions.feature_layer;
    if (actions.explain_view) state.explain = *actions.explain_view;
}

}  // namespace convscope
