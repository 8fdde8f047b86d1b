// The window's icon: assets/icons/convscope-48.png, the same picture `cmake --install`
// puts in share/icons/hicolor.
#pragma once

struct GLFWwindow;

namespace convscope {

// Sets the icon when the PNG is found and readable; a missing icon is not an error (the
// window works without one, and Wayland ignores it).
void set_window_icon(GLFWwindow* window);

}  // namespace convscope
