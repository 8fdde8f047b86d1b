// Seed sections 1 and 2.1: the fully connected network (Affine-ReLU x4, Affine,
// Softmax) beside the CNN, and what each sees of an image: a 1x28x28 volume whose
// neighbours stay neighbours, or 784 numbers in a row where a pixel's neighbour below
// lands 28 places away.
#include <algorithm>
#include <cstdio>

#include "app/panels/network_panels.hpp"
#include "app/panels/panel_window.hpp"
#include "app/panels/tile_grid.hpp"

namespace convscope {

void draw_fc_comparison(const NetworkModeView& view, const UiMetrics& metrics, ImVec2 size) {
    std::size_t fc_parameters = 0;
    std::string chain = "784";
    for (const LayerSummary& layer : view.fc_layers) {
        fc_parameters += layer.parameters;
        if (layer.kind == LayerKind::Affine) chain += " > " + std::to_string(layer.output.size());
    }
    panel_heading("Seed 1: a fully connected network", metrics);
    ImGui::TextDisabled("Affine-ReLU x4, Affine, Softmax; %s parameters",
                        grouped_count(fc_parameters).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("units: %s > softmax", chain.c_str());

    const ActivationPictures& pictures = view.pictures.activations();
    if (pictures.input().empty()) return;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float room = size.y - ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    const float text = ImGui::GetFontSize();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 edge = IM_COL32(120, 124, 132, 255);

    // The CNN's view: the image as a slab, (C, H, W) = (1, 28, 28).
    const char* volume_label = "CNN: 1x28x28";
    list->AddText(at, ink, volume_label);
    const float side = std::max(text * 2, room - text * 1.5f);
    const float depth = side * 0.12f;
    const ImVec2 face(at.x, at.y + text * 1.3f + depth);
    const ImU32 slab = IM_COL32(200, 204, 212, 255);
    list->AddQuadFilled(ImVec2(face.x, face.y), ImVec2(face.x + depth, face.y - depth),
                        ImVec2(face.x + depth + side, face.y - depth),
                        ImVec2(face.x + side, face.y), slab);
    list->AddQuadFilled(ImVec2(face.x + side, face.y),
                        ImVec2(face.x + side + depth, face.y - depth),
                        ImVec2(face.x + side + depth, face.y + side - depth),
                        ImVec2(face.x + side, face.y + side), slab);
    const TileSheet& input = pictures.input();
    list->AddImage(input.texture(), face, ImVec2(face.x + side, face.y + side), input.uv0(0),
                   input.uv1(0));
    list->AddRect(face, ImVec2(face.x + side, face.y + side), edge);

    // The FC network's view: 784 values in one row, as wide as the panel allows.
    const float left =
        at.x + std::max(side + depth, ImGui::CalcTextSize(volume_label).x) + metrics.px(16);
    const float strip_width = at.x + size.x - left;
    const float strip_height = std::max(6.0f, text * 0.9f);
    const float strip_y = face.y + side * 0.5f - strip_height * 0.5f;
    const TileSheet& flat = pictures.flattened_input();
    list->AddText(ImVec2(left, at.y), ink, "FC: flattened to 784 numbers");
    list->AddImage(flat.texture(), ImVec2(left, strip_y),
                   ImVec2(left + strip_width, strip_y + strip_height), flat.uv0(0), flat.uv1(0));
    list->AddRect(ImVec2(left, strip_y), ImVec2(left + strip_width, strip_y + strip_height), edge);
    list->AddText(ImGui::GetFont(), text, ImVec2(left, strip_y + strip_height + 3), muted,
                  "Pixels one above the other end up 28 apart: the FC layer cannot see the shape.",
                  nullptr, strip_width);
}

}  // namespace convscope
