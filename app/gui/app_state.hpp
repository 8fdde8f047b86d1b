// What the window remembers between frames, and the actions panels return.
//
// Panels read AppState and never change it; the main loop applies their Actions
// between frames (DESIGN "Architecture": panels return actions).
#pragma once

#include <string>

namespace convscope {

enum class Mode { Convolution, Network, Images, Draw };

struct FontRequest {
    float heading = 0;  // grid labels, the sum line, operators (logical pixels)
    float number = 0;   // numbers inside cells
};

struct AppState {
    Mode mode = Mode::Convolution;
    std::string scene;        // the scene shown in Convolution mode
    float text_scale = 1.0f;  // Ctrl+= / Ctrl+- ; multiplies every font
    bool fullscreen = false;
    bool show_lessons = true;     // the lesson list on the left
    bool show_shortcuts = false;  // the keyboard help window ("?" / F1)
};

constexpr float kMinTextScale = 0.6f;
constexpr float kMaxTextScale = 2.5f;

struct Actions {
    std::string select_scene;  // empty: keep
    int text_size_steps = 0;   // +1 larger, -1 smaller
    bool reset_text_size = false;
    bool toggle_fullscreen = false;
    bool leave_fullscreen = false;
    bool toggle_lessons = false;
    bool toggle_shortcuts = false;
    bool close_shortcuts = false;
    bool quit = false;
    FontRequest fonts;  // sizes the conv view would like its fonts baked at

    // Folds another panel's actions into these.
    void merge(const Actions& other) {
        if (!other.select_scene.empty()) select_scene = other.select_scene;
        text_size_steps += other.text_size_steps;
        reset_text_size |= other.reset_text_size;
        toggle_fullscreen |= other.toggle_fullscreen;
        leave_fullscreen |= other.leave_fullscreen;
        toggle_lessons |= other.toggle_lessons;
        toggle_shortcuts |= other.toggle_shortcuts;
        close_shortcuts |= other.close_shortcuts;
        quit |= other.quit;
        if (other.fonts.heading > 0) fonts = other.fonts;
    }
};

}  // namespace convscope
