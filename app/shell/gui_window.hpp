// The GLFW window with its OpenGL 3.3 core context and the ImGui context bound to it.
// One object owns the whole lifetime: construction opens everything in order,
// destruction closes it in reverse, also when a later step throws.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace convscope {

// The window could not open: no display, no GL 3.3, ... The message says what to do.
class WindowError : public std::runtime_error {
  public:
    explicit WindowError(const std::string& message) : std::runtime_error(message) {}
};

class GuiWindow {
  public:
    // visible = false for screenshots: the window exists (and owns the context) but
    // is never mapped. Throws WindowError.
    GuiWindow(int width, int height, bool visible);
    ~GuiWindow();
    GuiWindow(const GuiWindow&) = delete;
    GuiWindow& operator=(const GuiWindow&) = delete;

    GLFWwindow* handle() const { return window_; }
    bool should_close() const;
    void request_close();

    // Logical window size and framebuffer pixels per logical pixel (2 on a Retina Mac).
    void logical_size(int* width, int* height) const;
    float pixel_ratio() const;
    // How much larger than 96 dpi text should be, beyond pixel_ratio (1.5 on a 144 dpi
    // X11 screen, 1 on a Retina Mac whose pixel_ratio already says 2).
    float dpi_scale() const;

    // Position and size on the desktop (screen coordinates), of the window as it is when
    // windowed; place() moves and resizes it.
    void placement(int* x, int* y, int* width, int* height) const;
    void place(int x, int y, int width, int height);

    // Where ImGui keeps its own window state (imgui.ini); "" keeps none.
    void set_imgui_ini(const std::string& path);

    bool fullscreen() const { return fullscreen_; }
    void set_fullscreen(bool on);

    void swap_buffers();

  private:
    struct GlfwLibrary;   // glfwInit/glfwTerminate
    struct ImGuiSession;  // ImGui context and backends
    std::unique_ptr<GlfwLibrary> glfw_;
    GLFWwindow* window_ = nullptr;
    std::unique_ptr<ImGuiSession> imgui_;
    bool fullscreen_ = false;
    std::string imgui_ini_;  // ImGui holds a pointer to it
    int windowed_x_ = 0, windowed_y_ = 0, windowed_width_ = 0, windowed_height_ = 0;
};

}  // namespace convscope
