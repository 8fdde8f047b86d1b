#include "app/panels/shortcuts_help.hpp"

#include "app/widgets/panel_window.hpp"
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
    bool open = true;
    if (begin_floating_panel("Keyboard shortcuts", &open, metrics, ImGuiCond_Always)) {
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
    end_floating_panel();
    if (!open) actions.close_shortcuts = true;
    return actions;
}

}  // namespace convscope
