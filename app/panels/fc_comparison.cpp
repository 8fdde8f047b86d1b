// Seed sections 1 and 2.1: the fully connected network (Affine-ReLU x4, Affine,
// Softmax) beside the CNN, and what each sees of an image: a 1x28x28 volume whose
// neighbours stay neighbours, or 784 numbers in a row where a pixel's neighbour below
// lands 28 places away.
#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/palette_colours.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/tile_grid.hpp"

namespace convscope {

void draw_fc_comparison(const NetworkModeView& view, const UiMetrics& metrics, ImVec2 size) {
    // The FC network's sizes: its 1x28x28 input flattened to 784 values, a row of
    // pixels 28 long.
    const int flat_size = view.fc_spec.input.size();
    const int row_length = view.fc_spec.input.width;
    const std::size_t fc_parameters = total_parameters(view.fc_layers);
    std::string chain = std::to_string(flat_size);
    for (const LayerSummary& layer : view.fc_layers) {
        if (layer.kind == LayerKind::Affine) chain += " > " + std::to_string(layer.output.size());
    }
    panel_heading(tr("Seed 1: a fully connected network"), metrics);
    // The layers and the parameter count on one line; a narrow panel keeps the count
    // (to hold against the CNN's) and names the layers in the tooltip.
    const TextArgs counts = {
        {"n", std::to_string(layers_of_kind(view.fc_layers, LayerKind::Affine))},
        {"parameters", grouped_count(fc_parameters)}};
    const std::string layers =
        trf("Affine-ReLU x4, Affine, Softmax; {parameters} parameters", counts);
    const bool narrow = ImGui::CalcTextSize(layers.c_str()).x > size.x;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s",
                        narrow ? trf("{n} affine layers, {parameters} parameters", counts).c_str()
                               : layers.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", trf("Affine-ReLU x4, Affine, Softmax\nunits: {chain} > softmax",
                                    {{"chain", chain}})
                                    .c_str());
    }

    const ActivationPictures& pictures = view.pictures.activations();
    if (pictures.input().empty()) return;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float room = size.y - ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    ImFont* font = ImGui::GetFont();
    const float text = ImGui::GetFontSize();
    const float line = text * 1.3f;
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 edge = to_imgui(ui_palette().frame);

    // The CNN's view: the image as a slab, (C, H, W) = (1, 28, 28), in a column of
    // its own so nothing on the right can run into it.
    const std::string volume_label = trf("CNN: {shape}", {{"shape", view.spec.input.text()}});
    list->AddText(at, ink, volume_label.c_str());
    const float label_width = ImGui::CalcTextSize(volume_label.c_str()).x;
    const float side = std::clamp(room - line - metrics.px(4), text * 2, label_width * 0.85f);
    const float depth = side * 0.12f;
    const ImVec2 face(at.x, at.y + line + depth);
    const ImU32 slab = to_imgui(ui_palette().slab);
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

    // The FC network's view: its label, 784 values in one row as wide as the panel
    // allows, and the caption wrapped below the row, all right of the slab's column.
    const float left = at.x + std::max(side + depth, label_width) + metrics.px(16);
    const float strip_width = std::max(text * 4, at.x + size.x - left);
    const float strip_height = std::max(6.0f, text * 0.9f);
    const float strip_y = at.y + line;
    const TileSheet& flat = pictures.flattened_input();
    const TextArgs flat_args = {{"n", std::to_string(flat_size)}};
    const std::string flattened = trf("FC: flattened to {n} numbers", flat_args);
    const std::string flat_label = trf("FC: {n} numbers in a row", flat_args);
    list->AddText(font, text, ImVec2(left, at.y), ink,
                  ImGui::CalcTextSize(flattened.c_str()).x <= strip_width ? flattened.c_str()
                                                                          : flat_label.c_str());
    list->AddImage(flat.texture(), ImVec2(left, strip_y),
                   ImVec2(left + strip_width, strip_y + strip_height), flat.uv0(0), flat.uv1(0));
    list->AddRect(ImVec2(left, strip_y), ImVec2(left + strip_width, strip_y + strip_height), edge);
    // The longest caption whose wrapped lines fit under the strip.
    const float caption_y = strip_y + strip_height + metrics.px(4);
    const float caption_room = at.y + room - caption_y;
    const TextArgs apart = {{"n", std::to_string(row_length)}};
    std::string caption;
    for (const std::string& candidate :
         {trf("Pixels one above the other end up {n} places apart: the shape of the image is "
              "lost.",
              apart),
          trf("Pixels one above the other end up {n} apart: the shape is lost.", apart),
          trf("A pixel's neighbour below lands {n} places away.", apart)}) {
        caption = candidate;
        if (font->CalcTextSizeA(text, FLT_MAX, strip_width, candidate.c_str()).y <= caption_room)
            break;
    }
    list->AddText(font, text, ImVec2(left, caption_y), muted, caption.c_str(), nullptr,
                  strip_width);
}

}  // namespace convscope
