// GuiApp's remembered settings (restored at start, saved when they change) and the quiz
// a command line starts: state the window keeps across runs or is handed at start.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>

#include "app/model/reducer.hpp"
#include "app/model/settings_state.hpp"
#include "app/model/settings_store.hpp"
#include "app/shell/gui_app.hpp"

namespace convscope {

void GuiApp::restore(const Settings& settings, bool with_mode) {
    const Mode mode = state_.mode;
    restore_settings(settings, state_);
    if (!with_mode) state_.mode = mode;
}

void GuiApp::remember_settings_in(const std::string& folder, const Settings& saved) {
    settings_folder_ = folder;
    saved_settings_ = saved;
    settings_saved_at_ = glfwGetTime();
}

void GuiApp::save_settings_if_changed(bool now) {
    if (settings_folder_.empty()) return;
    WindowPlacement window;
    window_.placement(&window.x, &window.y, &window.width, &window.height);
    const Settings settings = settings_of(state_, window);
    if (settings == saved_settings_) return;
    // A window dragged or a lesson playing changes them every frame: once a second is enough.
    if (!now && glfwGetTime() - settings_saved_at_ < 1.0) return;
    const std::string problem = save_settings(settings_folder_, settings);
    if (!problem.empty()) {
        std::fprintf(stderr, "convscope: %s; the settings are not remembered\n", problem.c_str());
        settings_folder_.clear();  // one message, not one a second
        return;
    }
    saved_settings_ = settings;
    settings_saved_at_ = glfwGetTime();
}

void GuiApp::start_quiz(QuizQuestion question, const std::string& answer) {
    Actions start;
    start.quiz.toggle = !state_.quiz.active;
    start.quiz.ask = question;
    apply_actions(start, state_, scene_);
    if (answer.empty()) return;
    if (question == QuizQuestion::WindowCells) {
        for (const auto& cell : parse_input_cells(answer)) {
            Actions click;
            click.quiz.toggle_cell = cell;
            apply_actions(click, state_, scene_);
        }
    }
    Actions check;
    if (question != QuizQuestion::WindowCells) check.quiz.type = answer;
    check.quiz.submit = true;
    apply_actions(check, state_, scene_);
}

}  // namespace convscope
