#include "app/shell/gui_window.hpp"

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

#include "app/shell/keyboard_shortcuts.hpp"
#include "app/shell/window_icon.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace convscope {

namespace {

std::string last_glfw_error;

void remember_glfw_error(int /*code*/, const char* description) {
    last_glfw_error = description ? description : "";
}

// Installed before ImGui's backend, which chains to it from its own: no tap is lost.
void remember_key_press(GLFWwindow* /*window*/, int key, int /*scancode*/, int action, int mods) {
    if (action == GLFW_PRESS) note_key_press(key, mods);
}

std::string with_glfw_reason(const std::string& message) {
    return last_glfw_error.empty() ? message : message + " (GLFW: " + last_glfw_error + ")";
}

}  // namespace

struct GuiWindow::GlfwLibrary {
    GlfwLibrary() {
        glfwSetErrorCallback(remember_glfw_error);
        if (glfwInit() != GLFW_TRUE) {
            throw WindowError(
                with_glfw_reason("cannot open a window: no display? run under xvfb-run"));
        }
    }
    ~GlfwLibrary() { glfwTerminate(); }
};

struct GuiWindow::ImGuiSession {
    explicit ImGuiSession(GLFWwindow* window) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        // Never imgui.ini in the working folder: set_imgui_ini() names the settings folder's.
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().LogFilename = nullptr;
        if (!ImGui_ImplGlfw_InitForOpenGL(window, true)) {
            ImGui::DestroyContext();
            throw WindowError("cannot start ImGui's GLFW backend");
        }
        if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
            ImGui_ImplGlfw_Shutdown();
            ImGui::DestroyContext();
            throw WindowError("cannot start ImGui's OpenGL 3 backend");
        }
    }
    ~ImGuiSession() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
};

GuiWindow::GuiWindow(int width, int height, bool visible) : glfw_(std::make_unique<GlfwLibrary>()) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);  // macOS needs it; harmless elsewhere
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // logical size on Windows/X11 HiDPI
    glfwWindowHint(GLFW_SAMPLES, 0);
    window_ = glfwCreateWindow(width, height, "convscope", nullptr, nullptr);
    if (window_ == nullptr) {
        throw WindowError(with_glfw_reason(
            "cannot open a window with OpenGL 3.3 core: no display, or a driver without GL "
            "3.3? run under xvfb-run, or with LIBGL_ALWAYS_SOFTWARE=1"));
    }
    set_window_icon(window_);
    // Wayland reports that it cannot set an icon: not a reason to show in a later error.
    last_glfw_error.clear();
    glfwMakeContextCurrent(window_);
    if (epoxy_gl_version() < 33) {
        glfwDestroyWindow(window_);
        throw WindowError("the OpenGL context is version " + std::to_string(epoxy_gl_version()) +
                          "; convscope needs 3.3");
    }
    glfwSwapInterval(1);
    glfwSetKeyCallback(window_, remember_key_press);
    try {
        imgui_ = std::make_unique<ImGuiSession>(window_);
    } catch (...) {
        glfwDestroyWindow(window_);
        throw;
    }
}

GuiWindow::~GuiWindow() {
    imgui_.reset();  // backends first: they use the context and the window
    if (window_ != nullptr) glfwDestroyWindow(window_);
}

bool GuiWindow::should_close() const {
    return glfwWindowShouldClose(window_) == GLFW_TRUE;
}

void GuiWindow::request_close() {
    glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

void GuiWindow::logical_size(int* width, int* height) const {
    glfwGetWindowSize(window_, width, height);
}

float GuiWindow::pixel_ratio() const {
    int window_width = 0, window_height = 0, framebuffer_width = 0, framebuffer_height = 0;
    glfwGetWindowSize(window_, &window_width, &window_height);
    glfwGetFramebufferSize(window_, &framebuffer_width, &framebuffer_height);
    if (window_width <= 0) return 1.0f;
    return static_cast<float>(framebuffer_width) / static_cast<float>(window_width);
}

float GuiWindow::dpi_scale() const {
    float x_scale = 1.0f, y_scale = 1.0f;
    glfwGetWindowContentScale(window_, &x_scale, &y_scale);
    return std::clamp(x_scale / pixel_ratio(), 0.5f, 4.0f);
}

void GuiWindow::placement(int* x, int* y, int* width, int* height) const {
    if (fullscreen_) {
        *x = windowed_x_;
        *y = windowed_y_;
        *width = windowed_width_;
        *height = windowed_height_;
        return;
    }
    glfwGetWindowPos(window_, x, y);
    glfwGetWindowSize(window_, width, height);
}

void GuiWindow::place(int x, int y, int width, int height) {
    glfwSetWindowSize(window_, width, height);
    glfwSetWindowPos(window_, x, y);
}

void GuiWindow::set_imgui_ini(const std::string& path) {
    imgui_ini_ = path;
    ImGui::GetIO().IniFilename = imgui_ini_.empty() ? nullptr : imgui_ini_.c_str();
}

void GuiWindow::set_fullscreen(bool on) {
    if (on == fullscreen_) return;
    if (on) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (mode == nullptr) return;
        glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
        glfwGetWindowSize(window_, &windowed_width_, &windowed_height_);
        glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_width_,
                             windowed_height_, GLFW_DONT_CARE);
    }
    fullscreen_ = on;
}

void GuiWindow::swap_buffers() {
    glfwSwapBuffers(window_);
}

}  // namespace convscope
