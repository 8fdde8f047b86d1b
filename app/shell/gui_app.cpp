// Sections: construction, the frame, actions, fonts and theme, run, screenshot, bench.
#include "app/shell/gui_app.hpp"

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "app/gl/offscreen_target.hpp"
#include "app/model/file_actions.hpp"
#include "app/model/language_choice.hpp"
#include "app/model/palette.hpp"
#include "app/model/reducer.hpp"
#include "app/model/settings_state.hpp"
#include "app/model/settings_store.hpp"
#include "app/panels/controls.hpp"
#include "app/panels/export_panel.hpp"
#include "app/panels/file_browser_panel.hpp"
#include "app/panels/lesson_list.hpp"
#include "app/panels/lesson_view.hpp"
#include "app/panels/pytorch_panel.hpp"
#include "app/panels/shortcuts_help.hpp"
#include "app/panels/timeline.hpp"
#include "app/panels/top_bar.hpp"
#include "app/shell/keyboard_shortcuts.hpp"
#include "app/shell/theme.hpp"
#include "core/formats/image_file.hpp"
#include "core/lessons/lessons.hpp"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace convscope {

// ---- construction ----------------------------------------------------------------

namespace {

// GLFW calls back with a plain function; the window's user pointer leads to the app.
void on_drop(GLFWwindow* window, int count, const char** paths) {
    auto* app = static_cast<GuiApp*>(glfwGetWindowUserPointer(window));
    if (app != nullptr) app->queue_drops(count, paths);
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

}  // namespace

GuiApp::GuiApp(GuiWindow& window, const std::string& scene)
    : window_(window),
      // Live scenes keep the first lesson ready behind Convolution mode.
      scene_(open_lesson(LiveModes::is_scene(scene) ? lessons().front().id : scene)),
      renderer_(),
      grid_layer_(renderer_),
      exports_(renderer_) {
    state_.scene = LiveModes::is_scene(scene) ? lessons().front().id : scene;
    pixel_ratio_ = window_.pixel_ratio();
    dpi_scale_ = window_.dpi_scale();
    ui_scale_ = dpi_scale_;
    glfwSetWindowUserPointer(window_.handle(), this);
    glfwSetDropCallback(window_.handle(), on_drop);
    // CONVSCOPE_FILE_CHOOSER=zenity|kdialog|none overrides what PATH offers.
    const std::string path_variable = environment("PATH");
    state_.files.desktop_tool = pick_chooser_tool(
        environment("CONVSCOPE_FILE_CHOOSER"), environment("XDG_CURRENT_DESKTOP"),
        [&](const std::string& name) { return program_on_path(name, path_variable); });
}

void GuiApp::set_language(Language language) {
    state_.language = language;
    state_.language_notice.clear();
    if (language == Language::Chinese && !fonts_.has_cjk()) {
        state_.language_notice =
            "Chinese needs the font WenQuanYi Micro Hei (apt-get install fonts-wqy-microhei)";
        state_.language = Language::English;
    }
    const std::string problem = use_language(state_.language);
    if (!problem.empty()) {
        state_.language_notice = problem;
        state_.language = Language::English;
    }
    if (!state_.language_notice.empty()) {
        std::fprintf(stderr, "convscope: %s\n", state_.language_notice.c_str());
    }
    fonts_.set_extra_text(characters_in_use(), lesson_titles_in_use());
}

void GuiApp::queue_drops(int count, const char** paths) {
    for (int i = 0; i < count; ++i) dropped_.emplace_back(paths[i]);
}

void GuiApp::open_scene(const std::string& scene, int step) {
    if (LiveModes::is_scene(scene)) {
        live_.open_scene(scene, state_);
        return;
    }
    show_lesson(scene, step, state_, scene_);
}

void GuiApp::show_lesson_state(const LessonState& saved) {
    convscope::show_lesson_state(saved, state_, scene_);
}

void GuiApp::update_ui_scale(ImVec2 display_size) {
    ui_scale_ = ui_scale_for(display_size, dpi_scale_);
}

UiMetrics GuiApp::metrics() const {
    UiMetrics metrics;
    metrics.ui_scale = ui_scale_;
    metrics.text_scale = state_.text_scale;
    metrics.fonts = &fonts_;
    return metrics;
}

// ---- the frame -------------------------------------------------------------------

void GuiApp::frame(const ImVec2* forced_size) {
    prepare_fonts_and_theme();
    grid_layer_.begin_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (forced_size != nullptr) {
        io.DisplaySize = *forced_size;
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    ImGui::NewFrame();
    live_.prepare(state_);
    Actions actions = file_events();
    actions.merge(draw_panels());
    if (!board_only_) {
        actions.merge(draw_file_browser(state_, metrics()));
        actions.merge(draw_file_notice(state_, metrics()));
    }
    ImGui::Render();
    renderer_ready_ = true;

    const ImDrawData* data = ImGui::GetDrawData();
    glViewport(0, 0, static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x),
               static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y));
    const ImVec4 canvas = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glDisable(GL_SCISSOR_TEST);
    glClearColor(canvas.x, canvas.y, canvas.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    apply(actions);
}

Actions GuiApp::draw_panels() {
    const UiMetrics ui = metrics();
    if (board_only_) {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        return draw_lesson_view(scene_, export_state(state_, state_.playback.step), ui,
                                viewport->Pos, viewport->Size, grid_layer_);
    }
    Actions actions = read_keyboard_shortcuts(state_);
    actions.merge(draw_top_bar(state_, ui));
    // The work area is the viewport minus the top bar; presentation mode gives it all
    // to the grids.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImVec2 position = viewport->WorkPos;
    ImVec2 size = viewport->WorkSize;
    if (state_.mode != Mode::Convolution) {
        actions.merge(live_.draw(state_, ui, position, size));
        actions.merge(draw_shortcuts_help(state_, ui));
        return actions;
    }
    const bool side_panels = !state_.presentation;
    if (side_panels && state_.show_lessons) {
        const float width = std::min(lesson_list_width(ui), size.x * 0.25f);
        actions.merge(draw_lesson_list(state_, ui, position, ImVec2(width, size.y)));
        position.x += width;
        size.x -= width;
    }
    if (side_panels && state_.show_controls) {
        const float width = std::min(controls_width(ui), size.x * 0.3f);
        actions.merge(draw_controls(scene_, state_, ui,
                                    ImVec2(position.x + size.x - width, position.y),
                                    ImVec2(width, size.y)));
        size.x -= width;
    }
    const float timeline = timeline_height(ui);
    actions.merge(draw_lesson_view(scene_, state_, ui, position, ImVec2(size.x, size.y - timeline),
                                   grid_layer_));
    actions.merge(draw_timeline(scene_, state_, ui,
                                ImVec2(position.x, position.y + size.y - timeline),
                                ImVec2(size.x, timeline)));
    actions.merge(draw_export_panel(scene_, state_, ui));
    actions.merge(draw_pytorch_panel(scene_, state_, ui));
    actions.merge(draw_shortcuts_help(state_, ui));
    return actions;
}

// ---- actions ---------------------------------------------------------------------

void GuiApp::apply(const Actions& actions) {
    const WindowRequests requests = apply_actions(actions, state_, scene_);
    live_.apply(requests.live, state_);
    if (requests.ask_desktop) ask_desktop(*requests.ask_desktop);
    if (requests.toggle_fullscreen) window_.set_fullscreen(!window_.fullscreen());
    if (requests.leave_fullscreen) window_.set_fullscreen(false);
    state_.fullscreen = window_.fullscreen();
    if (requests.quit) window_.request_close();
    if (requests.language_changed) set_language(state_.language);
    if (requests.start_export) {
        exports_.start(scene_, state_);
        state_.export_progress = exports_.progress();
    }
    if (actions.fonts.heading > 0) conv_fonts_ = actions.fonts;
}

Actions GuiApp::file_events() {
    Actions actions;
    if (!dropped_.empty()) {
        actions.dropped_file = dropped_.front();
        dropped_.pop_front();
    }
    const std::optional<ChooserProcess::Result> result = chooser_.poll();
    if (!result || !state_.files.waiting) return actions;
    const std::optional<std::string> path = chosen_path(result->exit_code, result->output);
    if (path) {
        actions.chosen_file = ChosenFile{*state_.files.waiting, *path};
    } else if (result->exit_code == 1) {
        state_.files.waiting.reset();  // Cancel
    } else {
        // It could not show itself (no display, a broken install): ours from now on.
        std::fprintf(stderr, "convscope: the file chooser exited with %d; using the built-in one\n",
                     result->exit_code);
        state_.files.desktop_tool = ChooserTool::None;
        fall_back_to_browser(state_);
    }
    return actions;
}

void GuiApp::ask_desktop(const ChooserCall& call) {
    std::string error;
    if (chooser_.start(chooser_command(state_.files.desktop_tool, call), &error)) return;
    std::fprintf(stderr, "convscope: %s; using the built-in file chooser\n", error.c_str());
    state_.files.desktop_tool = ChooserTool::None;
    fall_back_to_browser(state_);
}

// ---- fonts and theme ---------------------------------------------------------------

FontSizes GuiApp::wanted_font_sizes() const {
    // Before the conv view has laid itself out, guess; it corrects us next frame.
    return font_sizes_for(metrics(), conv_fonts_.heading, conv_fonts_.number);
}

void GuiApp::prepare_fonts_and_theme() {
    fonts_.build(wanted_font_sizes(), pixel_ratio_, renderer_ready_);
    const float scale = ui_scale_ * state_.text_scale;
    if (scale != themed_scale_ || state_.theme != themed_theme_) {
        use_palette(state_.theme);
        apply_theme(scale, state_.theme);
        themed_scale_ = scale;
        themed_theme_ = state_.theme;
    }
}

// ---- run -------------------------------------------------------------------------

void GuiApp::run() {
    double last_time = glfwGetTime();
    while (!window_.should_close()) {
        // Sleep until input arrives, but wake a few times a second for tooltips, and
        // every frame while the animation plays.
        // Training redraws at frame rate too: its curves and maps move by themselves.
        const bool moving =
            state_.playback.playing || live_.animating() || state_.export_progress.running;
        glfwWaitEventsTimeout(moving ? 1.0 / 60.0 : 1.0 / 20.0);
        const double now = glfwGetTime();
        advance_playback(now - last_time, state_, scene_);
        last_time = now;
        pixel_ratio_ = window_.pixel_ratio();
        dpi_scale_ = window_.dpi_scale();
        int width = 0, height = 0;
        window_.logical_size(&width, &height);
        update_ui_scale(ImVec2(static_cast<float>(width), static_cast<float>(height)));
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        frame(nullptr);
        // An export renders one step between frames, so the window keeps drawing.
        exports_.tick();
        state_.export_progress = exports_.progress();
        window_.swap_buffers();
        save_settings_if_changed(/*now=*/false);
    }
    save_settings_if_changed(/*now=*/true);
}

// ---- screenshot ------------------------------------------------------------------

ImVec2 GuiApp::use_offscreen_scale(int width, int height) {
    // Offscreen frames are drawn at one framebuffer pixel per logical pixel
    // and at 96 dpi, so the same command gives the same picture on every machine.
    pixel_ratio_ = 1.0f;
    dpi_scale_ = 1.0f;
    const ImVec2 size(static_cast<float>(width), static_cast<float>(height));
    update_ui_scale(size);
    return size;
}

void GuiApp::screenshot(const std::string& path, int width, int height) {
    const ImVec2 size = use_offscreen_scale(width, height);
    gl::OffscreenTarget target(width, height);
    target.bind();
    wait_for_scene(width, height, 60.0);
    // ImGui settles its layout over a couple of frames; the conv view's font sizes
    // settle one frame after its layout. Stop once nothing would change.
    for (int i = 0; i < 12; ++i) {
        frame(&size);
        if (i >= 2 && wanted_font_sizes() == fonts_.sizes()) break;
    }
    glFinish();
    const std::vector<std::uint8_t> pixels = target.read_rgba_top_down();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    write_rgba_png(path, width, height, pixels);
    // FNV-1a over the pixels: equal pictures, equal hashes.
    std::uint64_t hash = 1469598103934665603ull;
    for (const std::uint8_t byte : pixels) hash = (hash ^ byte) * 1099511628211ull;
    std::printf("screenshot: %s %dx%d, %zu distinct colours, pixels %016llx\n", path.c_str(), width,
                height, count_distinct_colours(pixels), static_cast<unsigned long long>(hash));
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    std::printf("fonts: %s, atlas %dx%d, %d glyphs beyond Latin\n", language_code(state_.language),
                atlas.TexWidth, atlas.TexHeight, fonts_.extra_glyphs());
    print_training_status();
}

void GuiApp::wait_for_scene(int width, int height, double seconds) {
    const ImVec2 size(static_cast<float>(width), static_cast<float>(height));
    const double deadline = glfwGetTime() + seconds;
    while (!live_.scene_ready() && glfwGetTime() < deadline) {
        frame(&size);
        // A few frames a second are enough to wait; the cores are the trainer's.
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

void GuiApp::print_training_status() const {
    const std::string status = live_.training_status();
    if (!status.empty()) std::printf("%s\n", status.c_str());
}

// ---- bench -----------------------------------------------------------------------

void GuiApp::bench(int frames, int width, int height) {
    const ImVec2 size = use_offscreen_scale(width, height);
    gl::OffscreenTarget target(width, height);
    target.bind();
    std::vector<double> times, cpu_times;  // whole frames; building them without the GL wait
    times.reserve(static_cast<std::size_t>(frames));
    cpu_times.reserve(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i) {
        const double start = glfwGetTime();
        glfwPollEvents();
        frame(&size);
        cpu_times.push_back((glfwGetTime() - start) * 1000.0);
        glFinish();  // count the GPU's (llvmpipe's) work too, as a swap would
        times.push_back((glfwGetTime() - start) * 1000.0);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    const auto at = [](std::vector<double>& values, double q) {
        std::sort(values.begin(), values.end());
        return values[std::min(values.size() - 1, static_cast<std::size_t>(q * values.size()))];
    };
    std::printf("frame ms: median %.2f p99 %.2f (%d frames at %dx%d)\n", at(times, 0.5),
                at(times, 0.99), frames, width, height);
    std::printf("before the GL wait, ms: median %.2f p99 %.2f\n", at(cpu_times, 0.5),
                at(cpu_times, 0.99));
    std::printf("slowest frame ms: %.2f\n", at(times, 1.0));
    print_training_status();
}

}  // namespace convscope
