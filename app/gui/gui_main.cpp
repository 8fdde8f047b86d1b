#include "app/gui/gui_main.hpp"

#include <cstdio>
#include <exception>

#include "app/gl/gl_objects.hpp"
#include "app/gui/gui_app.hpp"
#include "app/gui/gui_options.hpp"
#include "app/gui/gui_window.hpp"
#include "app/gui/scenes.hpp"
#include "core/check.hpp"

namespace convscope {

int run_gui(int argc, char** argv) {
    GuiOptions options;
    try {
        options = parse_gui_options(argc, argv);
    } catch (const InputError& error) {
        std::fprintf(stderr, "convscope: %s\n", error.what());
        return 2;
    }
    if (options.list_scenes) {
        for (const SceneInfo& scene : scene_list()) std::printf("%s\n", scene.name);
        return 0;
    }
    if (options.scene.empty()) options.scene = scene_list().front().name;
    if (find_scene(options.scene) == nullptr) {
        std::fprintf(stderr, "unknown scene '%s'; scenes are: %s\n", options.scene.c_str(),
                     scene_names(", ").c_str());
        return 2;
    }

    const bool offscreen = !options.screenshot_path.empty();
    try {
        GuiWindow window(options.width, options.height, /*visible=*/!offscreen);
        GuiApp app(window, options.scene);
        if (offscreen) {
            app.screenshot(options.screenshot_path, options.width, options.height);
        } else {
            app.run();
        }
    } catch (const WindowError& error) {
        std::fprintf(stderr, "convscope: %s\n", error.what());
        return 1;
    } catch (const gl::GlError& error) {
        std::fprintf(stderr, "convscope: OpenGL: %s\n", error.what());
        return 1;
    } catch (const InputError& error) {
        std::fprintf(stderr, "convscope: %s\n", error.what());
        return 2;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "convscope: %s\n", error.what());
        return 1;
    }
    return 0;
}

}  // namespace convscope
