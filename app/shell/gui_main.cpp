#include "app/shell/gui_main.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>

#include "app/gl/gl_objects.hpp"
#include "app/model/language_choice.hpp"
#include "app/model/lesson_scene.hpp"
#include "app/model/lesson_start.hpp"
#include "app/model/settings_store.hpp"
#include "app/shell/gui_app.hpp"
#include "app/shell/gui_options.hpp"
#include "app/shell/gui_window.hpp"
#include "core/lessons/lessons.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// Every lesson at step 0 and at its middle step: DIR/<id>-step<T>.png.
void write_every_lesson(GuiApp& app, const GuiOptions& options) {
    for (const Lesson& lesson : lessons()) {
        const int steps = open_lesson(lesson.id).step_count();
        for (const int step : {0, std::max(1, steps / 2)}) {
            if (step >= steps) continue;
            app.open_scene(lesson.id, step);
            app.screenshot(
                options.screenshot_dir + "/" + lesson.id + "-step" + std::to_string(step) + ".png",
                options.width, options.height);
        }
    }
}

}  // namespace

int run_gui(int argc, char** argv) {
    GuiOptions options;
    try {
        options = parse_gui_options(argc, argv);
    } catch (const InputError& error) {
        std::fprintf(stderr, "convscope: %s\n", error.what());
        return 2;
    }
    if (options.list_scenes) {
        for (const Lesson& lesson : lessons()) std::printf("%s\n", lesson.id.c_str());
        for (const std::string& scene : LiveModes::scene_names())
            std::printf("%s\n", scene.c_str());
        std::printf("quiz\n");
        return 0;
    }
    // The quiz scene: the chapter's first convolution with its value question.
    if (options.scene == "quiz") {
        options.scene = lessons().front().id;
        if (options.quiz.empty()) options.quiz = "value";
    }
    // Settings belong to the interactive window alone: screenshots, benches and batch
    // runs draw the same picture whatever the user's config.
    const bool offscreen =
        !options.screenshot_path.empty() || options.all_scenes || options.bench_frames > 0;
    const std::string settings_place = offscreen || options.no_settings ? "" : settings_folder();
    const Settings remembered = load_settings(settings_place);
    // The lesson and mode left open last time, unless the command line names a scene.
    const bool scene_given = !options.scene.empty() || !options.open_path.empty();
    std::optional<int> remembered_step;
    if (options.scene.empty() && options.open_path.empty() && !remembered.lesson.empty() &&
        find_lesson(remembered.lesson) != nullptr) {
        options.scene = remembered.lesson;
        if (!options.step) remembered_step = remembered.step;
    }
    if (!offscreen && !options.size_given && remembered.window) {
        options.width = std::clamp(remembered.window->width, 320, 8192);
        options.height = std::clamp(remembered.window->height, 320, 8192);
    }
    if (options.scene.empty() && options.open_path.empty()) options.scene = lessons().front().id;
    const bool live_scene = LiveModes::is_scene(options.scene);
    if (!live_scene && options.open_path.empty() && find_lesson(options.scene) == nullptr) {
        std::string live;
        for (const std::string& scene : LiveModes::scene_names()) live += ", " + scene;
        std::fprintf(stderr, "unknown scene '%s'; scenes are: %s%s\n", options.scene.c_str(),
                     lesson_ids(", ").c_str(), live.c_str());
        return 2;
    }
    if (live_scene && !options.overrides.empty()) {
        std::fprintf(stderr, "convscope: --set applies to lessons, not to the live scene '%s'\n",
                     options.scene.c_str());
        return 2;
    }
    // The lesson, its setup and step, checked before any window opens.
    LessonState start;
    if (!options.all_scenes && !live_scene) {
        try {
            start = starting_lesson_state(
                {options.scene, options.open_path, options.overrides, options.step});
        } catch (const InputError& error) {
            std::fprintf(stderr, "convscope: %s\n", error.what());
            return 2;
        }
        options.scene = start.lesson_id;
    }

    try {
        GuiWindow window(options.width, options.height, /*visible=*/!offscreen);
        if (!settings_place.empty()) {
            window.set_imgui_ini(settings_place + "/imgui.ini");
            if (remembered.window && !options.size_given) {
                window.place(remembered.window->x, remembered.window->y, options.width,
                             options.height);
            }
        }
        GuiApp app(window, options.scene);
        if (live_scene || options.all_scenes) {
            app.open_scene(options.scene, options.step.value_or(0));
        } else {
            app.show_lesson_state(start);
            // Clamped to the trace: the lesson may have changed since.
            if (remembered_step) app.open_scene(options.scene, *remembered_step);
        }
        if (!settings_place.empty()) {
            app.restore(remembered, /*with_mode=*/!scene_given);
            app.remember_settings_in(settings_place, remembered);
        }
        if (options.theme) app.set_theme(*options.theme);
        app.set_presentation(options.presentation);
        if (!options.quiz.empty())
            app.start_quiz(*parse_quiz_question(options.quiz), options.answer);
        app.set_board_only(options.board_only);
        app.set_language(starting_language(options.language, remembered.language));
        if (options.all_scenes) {
            write_every_lesson(app, options);
        } else if (options.bench_frames > 0) {
            app.bench(options.bench_frames, options.width, options.height);
            if (!options.screenshot_path.empty()) {
                app.screenshot(options.screenshot_path, options.width, options.height);
            }
        } else if (offscreen) {
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
