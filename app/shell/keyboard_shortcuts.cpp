#include "app/shell/keyboard_shortcuts.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <string>
#include <vector>

#include "imgui.h"

namespace convscope {

namespace {

struct Tap {
    int key;
    int mods;  // GLFW_MOD_* held with it
};

// Presses since the last read (GLFW calls back on this thread, inside the event poll).
std::vector<Tap>& taps() {
    static std::vector<Tap> pressed;
    return pressed;
}

enum class With { Ctrl, Nothing, Anything };

bool tapped(int key, With with) {
    for (const Tap& tap : taps()) {
        if (tap.key != key) continue;
        const bool ctrl = (tap.mods & GLFW_MOD_CONTROL) != 0;
        const bool alt = (tap.mods & GLFW_MOD_ALT) != 0;
        if (with == With::Anything || (with == With::Ctrl && ctrl) ||
            (with == With::Nothing && !ctrl && !alt)) {
            return true;
        }
    }
    return false;
}

// Pressed without Ctrl or Alt, now or tapped since the last frame.
bool plain_press(int key, bool repeat = false) {
    const ImGuiIO& io = ImGui::GetIO();
    return (!io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(key, repeat)) ||
           tapped(key, With::Nothing);
}

// Answers and cell values are typed straight away, no field to click first: digits,
// minus and the decimal point, Backspace, Enter (the quiz: check, then the next question;
// a selected cell: set it), Tab (a selected cell: set it and go to the next). R reveals
// a lecture's hidden value, H hides the next ones.
void read_typing_keys(const AppState& state, Actions& actions) {
    const ImGuiIO& io = ImGui::GetIO();
    if (plain_press(GLFW_KEY_R)) actions.quiz.reveal = true;
    if (plain_press(GLFW_KEY_H)) actions.quiz.toggle_hide_next = true;
    const bool quiz = state.quiz.active;
    if (!quiz && state.selected_cell.tensor == CellRef::Tensor::None) return;
    std::string typed;
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar ch = io.InputQueueCharacters[i];
        if ((ch >= '0' && ch <= '9') || ch == '-' || ch == '.')
            typed.push_back(static_cast<char>(ch));
    }
    const int erase = plain_press(GLFW_KEY_BACKSPACE, /*repeat=*/true) ? 1 : 0;
    const bool enter = plain_press(GLFW_KEY_ENTER) || plain_press(GLFW_KEY_KP_ENTER);
    if (quiz) {
        actions.quiz.type = typed;
        actions.quiz.erase = erase;
        actions.quiz.submit = enter;
    } else {
        actions.typing.type = typed;
        actions.typing.erase = erase;
        actions.typing.set = enter;
        actions.typing.next = plain_press(GLFW_KEY_TAB);
    }
}

}  // namespace

void note_key_press(int key, int mods) {
    if (taps().size() < 64) taps().push_back({key, mods});
}

// ImGui 1.86 indexes keys by the backend's codes: the GLFW key constants.
Actions read_keyboard_shortcuts(const AppState& state) {
    Actions actions;
    const ImGuiIO& io = ImGui::GetIO();
    // Down now and not when the last frame began, or tapped in between: once either way.
    const auto with_ctrl = [&io](int key) {
        return (io.KeyCtrl && ImGui::IsKeyPressed(key, false)) || tapped(key, With::Ctrl);
    };
    const auto plain = [](int key, bool repeat = false) { return plain_press(key, repeat); };
    const auto any = [](int key) {
        return ImGui::IsKeyPressed(key, false) || tapped(key, With::Anything);
    };
    // "=" is where "+" lives on most layouts; the keypad works too.
    if (with_ctrl(GLFW_KEY_EQUAL) || with_ctrl(GLFW_KEY_KP_ADD)) actions.text_size_steps += 1;
    if (with_ctrl(GLFW_KEY_MINUS) || with_ctrl(GLFW_KEY_KP_SUBTRACT)) actions.text_size_steps -= 1;
    if (with_ctrl(GLFW_KEY_0) || with_ctrl(GLFW_KEY_KP_0)) actions.reset_text_size = true;
    if (with_ctrl(GLFW_KEY_L)) actions.toggle_lessons = true;
    if (with_ctrl(GLFW_KEY_K)) actions.toggle_controls = true;
    if (with_ctrl(GLFW_KEY_Q)) actions.quit = true;
    // The desktop's chooser: open any kind of file; save what the mode has to save.
    if (with_ctrl(GLFW_KEY_O)) actions.request_file = FilePurpose::OpenAny;
    if (with_ctrl(GLFW_KEY_S) && state.mode == Mode::Convolution)
        actions.request_file = FilePurpose::SaveLesson;
    if (with_ctrl(GLFW_KEY_S) && state.mode == Mode::Network)
        actions.request_file = FilePurpose::SaveWeights;
    // Playback and presentation keys, unless a text field has the keyboard.
    if (!io.WantTextInput) {
        if (plain(GLFW_KEY_SPACE)) actions.toggle_play = true;
        if (plain(GLFW_KEY_LEFT, /*repeat=*/true)) actions.step_by -= 1;
        if (plain(GLFW_KEY_RIGHT, /*repeat=*/true)) actions.step_by += 1;
        if (plain(GLFW_KEY_HOME)) actions.go_to_step = 0;
        if (plain(GLFW_KEY_END)) actions.go_to_step = kLastStep;
        if (plain(GLFW_KEY_P)) actions.toggle_presentation = true;
        if (state.mode == Mode::Convolution) read_typing_keys(state, actions);
        // One batch per press, shown with its gradients (issue 16).
        if (state.mode == Mode::Network && plain(GLFW_KEY_B))
            actions.live.training = TrainingCommand::Step;
    }
    if (any(GLFW_KEY_F11)) actions.toggle_fullscreen = true;
    if (any(GLFW_KEY_F1)) actions.toggle_shortcuts = true;
    if (any(GLFW_KEY_ESCAPE)) {
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
    taps().clear();
    return actions;
}

}  // namespace convscope
