// A fixed, undecorated ImGui window filling one rectangle of a mode's layout: every
// live-mode panel draws inside one.
#pragma once

#include "app/shell/ui_metrics.hpp"
#include "app/widgets/palette_colours.hpp"
#include "imgui.h"

namespace convscope {

// Returns whether the window is visible; call ImGui::End() in both cases.
inline bool begin_panel(const char* id, ImVec2 position, ImVec2 size, const UiMetrics& metrics,
                        bool scrollable = false) {
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(metrics.px(12), metrics.px(10)));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus |
                             // The frame is cleared to the window colour already: one
                             // less full-screen fill for a software rasterizer.
                             ImGuiWindowFlags_NoBackground;
    if (scrollable) flags &= ~ImGuiWindowFlags_NoScrollbar;
    const bool visible = ImGui::Begin(id, nullptr, flags);
    ImGui::PopStyleVar();
    return visible;
}

// A fixed side panel of the lesson playground (lessons, controls, timeline) on its grey
// background. Padding and background apply at Begin, so they are popped straight after;
// returns whether the window is visible; call ImGui::End() in both cases.
inline bool begin_side_panel(const char* id, ImVec2 position, ImVec2 size, ImVec2 padding,
                             bool scrollbar = false) {
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_imvec4(ui_palette().side_panel));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (scrollbar) flags &= ~ImGuiWindowFlags_NoScrollbar;
    const bool visible = ImGui::Begin(id, nullptr, flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    return visible;
}

// A window floating over the grids (Keyboard shortcuts, Export): a title bar with a close
// box, a thin border, sized to its contents, centred on the screen `centre_when`
// (ImGuiCond_Always pins it; ImGuiCond_Appearing lets the user move it). Returns whether
// its contents are visible; call end_floating_panel() in both cases.
inline bool begin_floating_panel(const char* title, bool* open, const UiMetrics& metrics,
                                 ImGuiCond centre_when) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), centre_when, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(metrics.px(18), metrics.px(14)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);  // it floats over the grids
    return ImGui::Begin(title, open,
                        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                            ImGuiWindowFlags_NoSavedSettings);
}

inline void end_floating_panel() {
    ImGui::End();
    ImGui::PopStyleVar(2);
}

// A panel's heading in the title font.
inline void panel_heading(const char* text, const UiMetrics& metrics) {
    ImGui::PushFont(metrics.fonts->body());
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

// A grey label above a group of a side panel's rows ("THE CHAPTER", "SIZES").
inline void group_label(const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, to_imvec4(ui_palette().muted_ink));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

}  // namespace convscope
