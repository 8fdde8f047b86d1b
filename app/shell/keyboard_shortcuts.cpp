#include "app/shell/keyboard_shortcuts.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "imgui.h"

namespace convscope {

// ImGui 1.86 indexes keys by the backend's codes: the GLFW key constants.
Actions read_keyboard_shortcuts(const AppState& state) {
    Actions actions;
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, /*repeat=*/false); };
    if (io.KeyCtrl) {
        // "=" is where "+" lives on most layouts; the keypad works too.
        if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD)) actions.text_size_steps += 1;
        if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT)) actions.text_size_steps -= 1;
        if (pressed(GLFW_KEY_0) || pressed(GLFW_KEY_KP_0)) actions.reset_text_size = true;
        if (pressed(GLFW_KEY_L)) actions.toggle_lessons = true;
        if (pressed(GLFW_KEY_K)) actions.toggle_controls = true;
        if (pressed(GLFW_KEY_Q)) actions.quit = true;
        // The desktop's chooser: open any kind of file; save what the mode has to save.
        if (pressed(GLFW_KEY_O)) actions.request_file = FilePurpose::OpenAny;
        if (pressed(GLFW_KEY_S) && state.mode == Mode::Convolution)
            actions.request_file = FilePurpose::SaveLesson;
        if (pressed(GLFW_KEY_S) && state.mode == Mode::Network)
            actions.request_file = FilePurpose::SaveWeights;
    }
    // Playback and presentation keys, unless a text field has the keyboard.
    if (!io.WantTextInput && !io.KeyCtrl && !io.KeyAlt) {
        if (pressed(GLFW_KEY_SPACE)) actions.toggle_play = true;
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, /*repeat=*/true)) actions.step_by -= 1;
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, /*repeat=*/true)) actions.step_by += 1;
        if (pressed(GLFW_KEY_HOME)) actions.go_to_step = 0;
        if (pressed(GLFW_KEY_END)) actions.go_to_step = kLastStep;
        if (pressed(GLFW_KEY_P)) actions.toggle_presentation = true;
    }
    if (pressed(GLFW_KEY_F11)) actions.toggle_fullscreen = true;
    if (pressed(GLFW_KEY_F1)) actions.toggle_shortcuts = true;
    if (pressed(GLFW_KEY_ESCAPE)) {
        if (state.files.browser.open) {
            actions.close_browser = true;
        } else if (state.show_shortcuts) {
            actions.close_shortcuts = true;
        } else if (state.presentation) {
            actions.toggle_presentation = true;
        } else if (state.fullscreen) {
            actions.leave_fullscreen = true;
        }
    }
    return actions;
}

}  // namespace convscope
