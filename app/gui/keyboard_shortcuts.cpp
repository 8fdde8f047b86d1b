#include "app/gui/keyboard_shortcuts.hpp"

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
        if (pressed(GLFW_KEY_Q)) actions.quit = true;
    }
    if (pressed(GLFW_KEY_F11)) actions.toggle_fullscreen = true;
    if (pressed(GLFW_KEY_F1)) actions.toggle_shortcuts = true;
    if (pressed(GLFW_KEY_ESCAPE)) {
        if (state.show_shortcuts) {
            actions.close_shortcuts = true;
        } else if (state.fullscreen) {
            actions.leave_fullscreen = true;
        }
    }
    return actions;
}

}  // namespace convscope
