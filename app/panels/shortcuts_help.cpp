#include "app/panels/shortcuts_help.hpp"

#include "imgui.h"

namespace convscope {

namespace {

struct Shortcut {
    const char* keys;
    const char* what;
};

// Keep in step with app/shell/keyboard_shortcuts.cpp.
constexpr Shortcut kShortcuts[] = {
    {"Space", "play / pause"},
    {"Left / Right", "step back / forward"},
    {"Home / End", "first / last step"},
    {"P", "presentation mode on / off"},
    {"Ctrl + =", "larger text"},
    {"Ctrl + -", "smaller text"},
    {"Ctrl + 0", "reset text size"},
    {"F11", "fullscreen on / off"},
    {"Esc", "leave presentation mode or fullscreen"},
    {"Ctrl + L", "lesson list on / off"},
    {"Ctrl + K", "controls on / off"},
    {"F1", "this help"},
    {"Ctrl + Q", "quit"},
};

}  // namespace

Actions draw_shortcuts_help(const AppState& state, const UiMetrics& metrics) {
    Actions actions;
    if (!state.show_shortcuts) return actions;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(metrics.px(18), metrics.px(14)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);  // it floats over the grids
    bool open = true;
    if (ImGui::Begin("Keyboard shortcuts", &open,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit)) {
            for (const Shortcut& shortcut : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", shortcut.keys);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(shortcut.what);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    if (!open) actions.close_shortcuts = true;
    return actions;
}

}  // namespace convscope
