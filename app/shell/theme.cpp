#include "app/shell/theme.hpp"

#include "app/model/palette.hpp"
#include "imgui.h"

namespace convscope {

namespace {

ImVec4 rgba(Rgb c, float alpha = 1.0f) {
    return ImVec4(c.r, c.g, c.b, alpha);
}

void light_colours(ImVec4* colours) {
    colours[ImGuiCol_Text] = ImVec4(0.11f, 0.13f, 0.16f, 1.0f);
    colours[ImGuiCol_MenuBarBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    colours[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.98f);
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
}

// Calm greys with blue accents; no pure black or white, which glare on a projector.
void dark_colours(ImVec4* colours, const Palette& palette) {
    colours[ImGuiCol_Text] = rgba(palette.ink);
    colours[ImGuiCol_MenuBarBg] = ImVec4(0.14f, 0.15f, 0.17f, 1.0f);
    colours[ImGuiCol_PopupBg] = ImVec4(0.15f, 0.16f, 0.19f, 0.98f);
    colours[ImGuiCol_TextDisabled] = ImVec4(0.58f, 0.60f, 0.65f, 1.0f);
    colours[ImGuiCol_Header] = ImVec4(0.20f, 0.29f, 0.45f, 1.0f);
    colours[ImGuiCol_HeaderHovered] = ImVec4(0.25f, 0.36f, 0.55f, 1.0f);
    colours[ImGuiCol_HeaderActive] = ImVec4(0.29f, 0.43f, 0.66f, 1.0f);
    colours[ImGuiCol_Button] = ImVec4(0.22f, 0.30f, 0.44f, 1.0f);
    colours[ImGuiCol_ButtonHovered] = ImVec4(0.28f, 0.39f, 0.58f, 1.0f);
    colours[ImGuiCol_ButtonActive] = ImVec4(0.26f, 0.45f, 0.78f, 1.0f);
    colours[ImGuiCol_Separator] = ImVec4(0.28f, 0.30f, 0.34f, 1.0f);
    colours[ImGuiCol_Border] = ImVec4(0.38f, 0.40f, 0.45f, 1.0f);
    colours[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.17f, 0.20f, 1.0f);
    colours[ImGuiCol_FrameBgHovered] = ImVec4(0.21f, 0.24f, 0.30f, 1.0f);
    colours[ImGuiCol_FrameBgActive] = ImVec4(0.24f, 0.29f, 0.38f, 1.0f);
    colours[ImGuiCol_SliderGrab] = ImVec4(0.45f, 0.62f, 0.95f, 1.0f);
    colours[ImGuiCol_CheckMark] = ImVec4(0.55f, 0.72f, 1.0f, 1.0f);
}

}  // namespace

void apply_theme(float scale, Theme theme) {
    ImGuiStyle style;
    if (theme == Theme::Dark) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
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

    const Palette& palette = palette_for(theme);
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = rgba(palette.canvas);
    if (theme == Theme::Dark) {
        dark_colours(colours, palette);
    } else {
        light_colours(colours);
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace convscope
