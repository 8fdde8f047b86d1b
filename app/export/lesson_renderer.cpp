// Sections: the context, frames, pictures.
#include "app/export/lesson_renderer.hpp"

#include <epoxy/gl.h>

#include <optional>

#include "app/export/svg_canvas.hpp"
#include "app/gl/gl_objects.hpp"
#include "app/gl/offscreen_target.hpp"
#include "app/model/translate.hpp"
#include "app/panels/lesson_view.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/theme.hpp"
#include "app/shell/ui_metrics.hpp"
#include "app/widgets/grid_layer.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"

namespace convscope {

AppState export_state(const AppState& window_state, int step) {
    AppState state = window_state;
    state.presentation = true;
    state.playback.step = step;
    state.playback.playing = false;
    state.selected_cell = CellRef{};
    return state;
}

// ---- the context ----------------------------------------------------------------------

namespace {

// Makes `context` current for a scope and gives the caller's back afterwards.
class ContextScope {
  public:
    explicit ContextScope(ImGuiContext* context) : previous_(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(context);
    }
    ~ContextScope() { ImGui::SetCurrentContext(previous_); }
    ContextScope(const ContextScope&) = delete;
    ContextScope& operator=(const ContextScope&) = delete;

  private:
    ImGuiContext* previous_;
};

}  // namespace

struct LessonRenderer::Context {
    ImGuiContext* imgui = nullptr;
    gl::OffscreenTarget target;
    GridLayer grid_layer;
    std::optional<Fonts> fonts;  // made once the context is current (it reads its atlas)
    FontRequest view_fonts;      // what the lesson view asked for last frame
    std::optional<Language> fonts_language;  // whose characters the fonts hold
    bool backend_ready = false;
    bool fonts_uploaded = false;

    Context(gl::GridRenderer& cells, int width, int height)
        : target(width, height), grid_layer(cells) {}

    UiMetrics metrics(const AppState& state) const {
        UiMetrics ui;
        ui.ui_scale = ui_scale_for(
            ImVec2(static_cast<float>(target.width()), static_cast<float>(target.height())), 1.0f);
        ui.text_scale = state.text_scale;
        ui.fonts = &*fonts;
        return ui;
    }
    FontSizes wanted(const AppState& state) const {
        return font_sizes_for(metrics(state), view_fonts.heading, view_fonts.number);
    }

    // One frame: the lesson view over the whole target, painted to the target and, when
    // `svg` is given, onto it too. Returns whether the fonts it wants are baked.
    bool frame(const LessonScene& scene, const AppState& state, SvgCanvas* svg);

    // Frames until nothing would change. ImGui settles a new window over a couple of
    // frames and the view's font sizes one frame after its layout (as
    // GuiApp::screenshot); once settled, a new step needs one frame unless it wants
    // other font sizes. So a GIF costs about a frame per step, and an export in the
    // window takes about a frame's time between the window's own.
    void settle(const LessonScene& scene, const AppState& state) {
        const int at_least = frames_drawn == 0 ? 3 : 1;
        for (int i = 0; i < 12; ++i) {
            ++frames_drawn;
            if (frame(scene, state, nullptr) && i + 1 >= at_least) return;
        }
    }
    int frames_drawn = 0;
};

LessonRenderer::LessonRenderer(gl::GridRenderer& cells, int width, int height)
    : context_(std::make_unique<Context>(cells, width, height)) {
    context_->imgui = ImGui::CreateContext();
    ContextScope scope(context_->imgui);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui::DestroyContext(context_->imgui);
        throw gl::GlError("cannot start ImGui's OpenGL 3 backend for export");
    }
    context_->backend_ready = true;
    context_->fonts.emplace();
}

LessonRenderer::~LessonRenderer() {
    ContextScope scope(context_->imgui);
    if (context_->backend_ready) ImGui_ImplOpenGL3_Shutdown();
    context_->fonts.reset();
    ImGui::SetCurrentContext(nullptr);
    ImGui::DestroyContext(context_->imgui);
}

int LessonRenderer::width() const {
    return context_->target.width();
}
int LessonRenderer::height() const {
    return context_->target.height();
}

// ---- frames -----------------------------------------------------------------------------

bool LessonRenderer::Context::frame(const LessonScene& scene, const AppState& state,
                                    SvgCanvas* svg) {
    if (fonts_language != current_language()) {  // the language on screen, or --lang's
        fonts->set_extra_text(characters_in_use(), lesson_titles_in_use());
        fonts_language = current_language();
    }
    fonts->build(wanted(state), 1.0f, fonts_uploaded);
    const UiMetrics ui = metrics(state);
    apply_theme(ui.ui_scale * state.text_scale, state.theme);
    grid_layer.begin_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 size(static_cast<float>(target.width()), static_cast<float>(target.height()));
    io.DisplaySize = size;
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    const Actions actions = draw_lesson_view(scene, state, ui, ImVec2(0, 0), size, grid_layer);
    if (svg != nullptr) paint_lesson_view(scene, state, ui, ImVec2(0, 0), size, *svg);
    ImGui::Render();
    fonts_uploaded = true;
    target.bind();
    glViewport(0, 0, target.width(), target.height());
    const ImVec4 canvas = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glDisable(GL_SCISSOR_TEST);
    glClearColor(canvas.x, canvas.y, canvas.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (actions.fonts.heading > 0) view_fonts = actions.fonts;
    return wanted(state) == fonts->sizes();
}

// ---- pictures -----------------------------------------------------------------------------

RgbImage LessonRenderer::picture(const LessonScene& scene, const AppState& state) {
    ContextScope scope(context_->imgui);
    context_->settle(scene, state);
    context_->target.bind();
    glFinish();
    const std::vector<std::uint8_t> rgba = context_->target.read_rgba_top_down();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    RgbImage image;
    image.width = width();
    image.height = height();
    image.rgb.resize(static_cast<std::size_t>(image.width) * image.height * 3);
    for (std::size_t i = 0, n = rgba.size() / 4; i < n; ++i) {
        image.rgb[i * 3 + 0] = rgba[i * 4 + 0];
        image.rgb[i * 3 + 1] = rgba[i * 4 + 1];
        image.rgb[i * 3 + 2] = rgba[i * 4 + 2];
    }
    return image;
}

std::string LessonRenderer::svg(const LessonScene& scene, const AppState& state) {
    ContextScope scope(context_->imgui);
    context_->settle(scene, state);
    const ImU32 background = ImGui::GetColorU32(ImGuiCol_WindowBg);
    SvgCanvas canvas(*context_->fonts, width(), height(), background);
    context_->frame(scene, state, &canvas);
    return canvas.document();
}

}  // namespace convscope
