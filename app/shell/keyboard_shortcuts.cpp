#include "app/shell/keyboard_shortcuts.hpp"

#include <string>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "imgui.h"

namespace convscope {

namespace {

// Answers and cell values are typed straight away, no field to click first: digits,
// minus and the decimal point, Backspace, Enter (the quiz: check, then the next question;
// a selected cell: set it), Tab (a selected cell: set it and go to the next). R reveals
// a lecture's hidden value, H hides the next ones.
void read_typing_keys(const AppState& state, Actions& actions) {
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, /*repeat=*/false); };
    if (pressed(GLFW_KEY_R)) actions.quiz.reveal = true;
    if (pressed(GLFW_KEY_H)) actions.quiz.toggle_hide_next = true;
    const bool quiz = state.quiz.active;
    if (!quiz && state.selected_cell.tensor == CellRef::Tensor::None) return;
    std::string typed;
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar ch = io.InputQueueCharacters[i];
        if ((ch >= '0' && ch <= '9') || ch == '-' || ch == '.')
            typed.push_back(static_cast<char>(ch));
    }
    const int erase = ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, /*repeat=*/true) ? 1 : 0;
    const bool enter = pressed(GLFW_KEY_ENTER) || pressed(GLFW_KEY_KP_ENTER);
    if (quiz) {
        actions.quiz.type = typed;
        actions.quiz.erase = erase;
        actions.quiz.submit = enter;
    } else {
        actions.typing.type = typed;
        actions.typing.erase = erase;
        actions.typing.set = enter;
        actions.typing.next = pressed(GLFW_KEY_TAB);
    }
}

}  // namespace

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
    }
    // Playback and presentation keys, unless a text field has the keyboard.
    if (!io.WantTextInput && !io.KeyCtrl && !io.KeyAlt) {
        if (pressed(GLFW_KEY_SPACE)) actions.toggle_play = true;
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, /*repeat=*/true)) actions.step_by -= 1;
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, /*repeat=*/true)) actions.step_by += 1;
        if (pressed(GLFW_KEY_HOME)) actions.go_to_step = 0;
        if (pressed(GLFW_KEY_END)) actions.go_to_step = kLastStep;
        if (pressed(GLFW_KEY_P)) actions.toggle_presentation = true;
        if (state.mode == Mode::Convolution) read_typing_keys(state, actions);
    }
    if (pressed(GLFW_KEY_F11)) actions.toggle_fullscreen = true;
    if (pressed(GLFW_KEY_F1)) actions.toggle_shortcuts = true;
    if (pressed(GLFW_KEY_ESCAPE)) {
        if (state.show_shortcuts) {
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
