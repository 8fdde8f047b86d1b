#include "app/shell/window_icon.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <stb_image.h>

#include <string>

#include "app/assets/asset_paths.hpp"

namespace convscope {

void set_window_icon(GLFWwindow* window) {
    const std::string path = find_asset("icons/convscope-48.png");
    if (path.empty()) return;
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 4);
    if (pixels == nullptr) return;
    GLFWimage image{width, height, pixels};
    glfwSetWindowIcon(window, 1, &image);
    stbi_image_free(pixels);
}

}  // namespace convscope
