#include "app/panels/shortcuts_help.hpp"

#include <string>

#include "app/model/translate.hpp"
#include "app/widgets/panel_window.hpp"
#include "imgui.h"

namespace convscope {

namespace {

struct Shortcut {
    const char* keys;  // key names that are words are translated too
    const char* what;
};

// Keep in step with app/shell/keyboard_shortcuts.cpp. Passed through tr() when drawn.
constexpr Shortcut kShortcuts[] = {
    {N_("Space"), N_("play / pause")},
    {N_("Left / Right"), N_("step back / forward")},
    {"Home / End", N_("first / last step")},
    {"P", N_("presentation mode on / off")},
    {N_("0-9 - . Enter"), N_("quiz: type the answer, check it, next question")},
    {"H / R", N_("presentation: hide the next value / reveal it")},
    {"B", N_("Network mode: train one batch and show it")},
    {"Ctrl + =", N_("larger text")},
    {"Ctrl + -", N_("smaller text")},
    {"Ctrl + 0", N_("reset text size")},
    {"F11", N_("fullscreen on / off")},
    {"Esc", N_("leave presentation mode or fullscreen")},
    {"Ctrl + L", N_("lesson list on / off")},
    {"Ctrl + K", N_("controls on / off")},
    {"Ctrl + O", N_("open a file: picture, lesson, weights, MNIST data")},
    {"Ctrl + S", N_("save the lesson (Network mode: the weights)")},
    {"F1", N_("this help")},
    {"Ctrl + Q", N_("quit")},
};

}  // namespace

Actions draw_shortcuts_help(const AppState& state, const UiMetrics& metrics) {
    Actions actions;
    if (!state.show_shortcuts) return actions;
    bool open = true;
    const std::string title = std::string(tr("Keyboard shortcuts")) + "###shortcuts";
    if (begin_floating_panel(title.c_str(), &open, metrics, ImGuiCond_Always)) {
        if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit)) {
            for (const Shortcut& shortcut : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", tr(shortcut.keys));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr(shortcut.what));
            }
            ImGui::EndTable();
        }
    }
    end_floating_panel();
    if (!open) actions.close_shortcuts = true;
    return actions;
}

}  // namespace convscope
