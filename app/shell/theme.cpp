#include "app/shell/theme.hpp"

#include "imgui.h"

namespace convscope {

void apply_theme(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.PopupRounding = 4;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.WindowPadding = ImVec2(12, 10);
    style.ItemSpacing = ImVec2(10, 6);
    // A thin outline on every frame: the light style's white frames vanish on the
    // near-white canvas (unchecked checkboxes, unselected radio buttons, inputs).
    style.FrameBorderSize = 1;

    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.985f, 0.98f, 1.0f);  // the canvas
    colours[ImGuiCol_MenuBarBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colours[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.98f);
    colours[ImGuiCol_Text] = ImVec4(0.11f, 0.13f, 0.16f, 1.0f);
    colours[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.57f, 0.61f, 1.0f);
    colours[ImGuiCol_Header] = ImVec4(0.84f, 0.89f, 0.97f, 1.0f);
    colours[ImGuiCol_HeaderHovered] = ImVec4(0.76f, 0.84f, 0.96f, 1.0f);
    colours[ImGuiCol_HeaderActive] = ImVec4(0.66f, 0.77f, 0.94f, 1.0f);
    colours[ImGuiCol_ButtonActive] = ImVec4(0.16f, 0.36f, 0.66f, 1.0f);
    colours[ImGuiCol_Separator] = ImVec4(0.80f, 0.81f, 0.84f, 1.0f);
    colours[ImGuiCol_Border] = ImVec4(0.66f, 0.68f, 0.72f, 1.0f);
    colours[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colours[ImGuiCol_FrameBgHovered] = ImVec4(0.90f, 0.93f, 0.98f, 1.0f);
    colours[ImGuiCol_FrameBgActive] = ImVec4(0.82f, 0.88f, 0.97f, 1.0f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace convscope
