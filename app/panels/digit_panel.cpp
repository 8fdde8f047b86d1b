// Draw mode (Harley's draw-a-digit): paint on the canvas; the digit is cropped, scaled
// and centred as MNIST's were, and the pretrained network's answer and every layer's
// activations follow each stroke.
#include <algorithm>
#include <cstdio>

#include "app/live/network_pictures.hpp"
#include "app/model/live_words.hpp"
#include "app/model/translate.hpp"
#include "app/panels/live_panels.hpp"
#include "app/widgets/palette_colours.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/text_wrap.hpp"
#include "app/widgets/tile_grid.hpp"

namespace convscope {

namespace {

// Returns the strokes the mouse made on the canvas this frame.
void canvas(const DigitSketch& sketch, const TileSheet& picture, float side, Actions& actions) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##canvas", ImVec2(side, side));
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddImage(picture.texture(), at, ImVec2(at.x + side, at.y + side), picture.uv0(0),
                   picture.uv1(0));
    list->AddRect(at, ImVec2(at.x + side, at.y + side), to_imgui(ui_palette().frame));
    if (sketch.canvas().empty()) {
        const char* hint = tr("draw a digit here");
        const ImVec2 extent = ImGui::CalcTextSize(hint);
        list->AddText(ImVec2(at.x + (side - extent.x) * 0.5f, at.y + (side - extent.y) * 0.5f),
                      to_imgui(ui_palette().padding_ink), hint);
    }
    if (!ImGui::IsItemActive()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float scale = static_cast<float>(sketch.canvas().side()) / side;
    const ImVec2 now((io.MousePos.x - at.x) * scale, (io.MousePos.y - at.y) * scale);
    // The first frame of a drag paints a dot; later ones join the last position.
    const ImVec2 before = ImGui::IsItemActivated() ? now
                                                   : ImVec2(now.x - io.MouseDelta.x * scale,
                                                            now.y - io.MouseDelta.y * scale);
    if (ImGui::IsItemActivated() || io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
        actions.live.strokes.push_back({before.x, before.y, now.x, now.y});
    }
}

void prediction_bars(const NetworkActivations& a, float width) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float text = ImGui::GetFontSize();
    const float row = text * 1.45f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    for (int digit = 0; digit < 10; ++digit) {
        const float p = digit < static_cast<int>(a.probabilities.size())
                            ? a.probabilities[static_cast<std::size_t>(digit)]
                            : 0.0f;
        const bool best = digit == a.predicted_class;
        const float y = at.y + static_cast<float>(digit) * row;
        char label[32];
        std::snprintf(label, sizeof label, "%d", digit);
        list->AddText(ImVec2(at.x, y), ImGui::GetColorU32(ImGuiCol_Text), label);
        const float left = at.x + text * 1.2f, right = at.x + width - text * 3.5f;
        list->AddRectFilled(ImVec2(left, y + 2), ImVec2(right, y + row - 4),
                            to_imgui(ui_palette().plot_grid));
        list->AddRectFilled(ImVec2(left, y + 2), ImVec2(left + (right - left) * p, y + row - 4),
                            best ? to_imgui(ui_palette().highlight) : to_imgui(ui_palette().train));
        std::snprintf(label, sizeof label, "%.0f%%", p * 100);
        list->AddText(ImVec2(right + 4, y), ImGui::GetColorU32(ImGuiCol_Text), label);
    }
    ImGui::Dummy(ImVec2(width, row * 10));
}

void activations(const DigitSketch& sketch, const ActivationPictures& pictures,
                 const UiMetrics& metrics, ImVec2 size) {
    const NetworkActivations& a = sketch.activations();
    if (pictures.layer_count() != static_cast<int>(a.layers.size()) || a.layers.empty()) return;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float text = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = size.y - ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    float weights = 0;
    for (const LayerActivation& l : a.layers) weights += l.is_grid() ? 1.0f : 0.35f;
    const float each = height / weights;
    const float label = metrics.px(130);
    float y = origin.y;
    for (int i = 0; i < static_cast<int>(a.layers.size()); ++i) {
        const LayerActivation& layer = a.layers[static_cast<std::size_t>(i)];
        const bool spatial = layer.is_grid();
        const float h = each * (spatial ? 1.0f : 0.35f);
        const std::string detail =
            spatial
                ? fill_placeholders("{c} x {h}x{w}", {{"c", std::to_string(layer.shape.channels)},
                                                      {"h", std::to_string(layer.shape.height)},
                                                      {"w", std::to_string(layer.shape.width)}})
                : trf("{n} units", {{"n", std::to_string(layer.shape.size())}});
        list->AddText(ImVec2(origin.x, y), ImGui::GetColorU32(ImGuiCol_Text), layer.name.c_str());
        list->AddText(ImVec2(origin.x, y + text * 1.1f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                      detail.c_str());
        const TileSheet& sheet = pictures.layer(i);
        const ImVec2 texels(static_cast<float>(sheet.tile_width()),
                            static_cast<float>(sheet.tile_height()));
        TileLayout layout =
            fit_tiles(sheet.count(), texels, ImVec2(origin.x + label, y),
                      ImVec2(size.x - label, spatial ? h - 4 : h), metrics.px(2), metrics.px(6));
        // A vector of units is a strip: as wide as it fits, tall enough to see.
        // fit_tiles keeps a quarter pixel per texel at least; flatten1's 4320 units
        // would then run past the panel's edge.
        if (!spatial) {
            layout.tile.x = std::min(layout.tile.x, size.x - label);
            layout.tile.y = std::min(h - 4, text * 0.9f);
        }
        const TileHover hover = draw_tiles(list, sheet, layout, ImGui::IsWindowHovered());
        if (hover.tile >= 0) {
            const float value = layer.map(hover.tile)[hover.row * layer.shape.width + hover.col];
            const TextArgs args = {{"layer", layer.name},
                                   {"channel", std::to_string(hover.tile)},
                                   {"unit", std::to_string(hover.col)},
                                   {"value", format_number("%.4f", value)}};
            ImGui::SetTooltip("%s", (spatial ? trf("{layer} channel {channel} = {value}", args)
                                             : trf("{layer} unit {unit} = {value}", args))
                                        .c_str());
        }
        y += h;
    }
}

}  // namespace

Actions draw_digit_panel(const DigitSketch& sketch, const DigitSketchTextures& textures,
                         const ExplainedPicture& explained, const ExplainViewState& view,
                         const UiMetrics& metrics, ImVec2 position, ImVec2 size) {
    Actions actions;
    const float left = std::min(size.x * 0.36f, size.y * 0.78f);
    if (begin_panel("##draw_canvas", position, ImVec2(left, size.y), metrics)) {
        panel_heading(tr("Draw a digit"), metrics);
        // Room below the canvas for Clear, the note and the saliency / Grad-CAM switch.
        const float below = ImGui::GetFrameHeight() * 5 + ImGui::GetTextLineHeightWithSpacing() * 6;
        const float side =
            std::min(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - below);
        // The drawing itself carries the heat too, mapped back from the 28x28 input.
        const bool on_canvas =
            view.overlay != ExplainOverlay::None && !textures.explained_canvas.empty();
        canvas(sketch, on_canvas ? textures.explained_canvas : textures.canvas, side, actions);
        if (ImGui::Button(tr("Clear"))) actions.live.clear_canvas = true;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped_text(
            trf("The drawing is cropped, scaled to {box}x{box} and centred by "
                "mass in {side}x{side}, as the MNIST digits were.",
                {{"box", std::to_string(kMnistDigitBox)}, {"side", std::to_string(kMnistSide)}})
                .c_str());
        ImGui::PopStyleColor();
        if (sketch.has_network() && !sketch.canvas().empty())
            explain_controls(explained, view, metrics, actions);
    }
    ImGui::End();

    const float middle = std::min(metrics.px(300), size.x * 0.22f);
    if (begin_panel("##draw_prediction", ImVec2(position.x + left, position.y),
                    ImVec2(middle, size.y), metrics)) {
        panel_heading(tr("What the network sees"), metrics);
        // The input itself, or with the saliency / Grad-CAM over it.
        const bool overlaid = view.overlay != ExplainOverlay::None && !textures.explained.empty();
        const TileSheet& digit = overlaid ? textures.explained : textures.pictures.input();
        const float side = std::min(ImGui::GetContentRegionAvail().x, metrics.px(168));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (!digit.empty()) {
            ImGui::GetWindowDrawList()->AddImage(
                digit.texture(), at, ImVec2(at.x + side, at.y + side), digit.uv0(0), digit.uv1(0));
        }
        ImGui::Dummy(ImVec2(side, side));
        ImGui::TextDisabled(
            "%s",
            trf("{shape} input", {{"shape", Shape{1, kMnistSide, kMnistSide}.text()}}).c_str());
        ImGui::Spacing();
        if (sketch.has_network()) {
            const NetworkActivations& a = sketch.activations();
            if (sketch.canvas().empty()) {
                panel_heading(tr("Prediction: draw first"), metrics);
            } else {
                panel_heading(
                    trf("Prediction: {digit}", {{"digit", std::to_string(a.predicted_class)}})
                        .c_str(),
                    metrics);
            }
            prediction_bars(a, ImGui::GetContentRegionAvail().x);
        } else {
            wrapped_text(tr("No pretrained network (assets/weights) was found."));
        }
    }
    ImGui::End();

    if (begin_panel("##draw_layers", ImVec2(position.x + left + middle, position.y),
                    ImVec2(size.x - left - middle, size.y), metrics)) {
        panel_heading(tr("Every layer's activations"), metrics);
        activations(sketch, textures.pictures, metrics, ImGui::GetContentRegionAvail());
    }
    ImGui::End();
    return actions;
}

}  // namespace convscope
