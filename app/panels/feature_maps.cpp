// Feature maps of the probe image, every layer that is still a grid, updating as the
// network trains. Click a unit: its receptive field (from core, exact through padding,
// stride and pooling) is outlined in every layer below it down to the input (seed 2.7).
#include <algorithm>
#include <cstdio>

#include "app/model/live_words.hpp"
#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/palette_colours.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/tile_grid.hpp"

namespace convscope {

namespace {

struct Section {
    int layer = -1;  // index in probe.layers; -1: the input
    std::string title, detail;
    const TileSheet* sheet = nullptr;
    Shape shape;
    float weight = 1;  // share of the height
};

const LayerField* field_on(const std::vector<LayerField>& field, int layer) {
    for (const LayerField& f : field)
        if (f.layer == layer) return &f;
    return nullptr;
}

std::string field_text(const NetworkModeView& view, const FeatureUnit& unit) {
    const LayerField* input = field_on(view.field, -1);
    if (input == nullptr) return "";
    const FieldRegion& r = input->region;
    const TextArgs args = {{"layer", layer_name(view.spec, unit.layer)},
                           {"channel", std::to_string(unit.channel)},
                           {"y", std::to_string(unit.y)},
                           {"x", std::to_string(unit.x)},
                           {"h", std::to_string(r.rows.size())},
                           {"w", std::to_string(r.cols.size())},
                           {"top", std::to_string(r.rows.first)},
                           {"bottom", std::to_string(r.rows.last)},
                           {"left", std::to_string(r.cols.first)},
                           {"right", std::to_string(r.cols.last)}};
    if (r.reaches_padding()) {
        return trf(
            "{layer} channel {channel}, unit ({y}, {x}): receptive field {h}x{w} on the "
            "input (rows {top}-{bottom}, cols {left}-{right}), partly in the padding",
            args);
    }
    return trf(
        "{layer} channel {channel}, unit ({y}, {x}): receptive field {h}x{w} on the "
        "input (rows {top}-{bottom}, cols {left}-{right})",
        args);
}

}  // namespace

Actions draw_feature_maps(const NetworkModeView& view, const AppState& state,
                          const UiMetrics& metrics, ImVec2 size) {
    Actions actions;
    const NetworkActivations& probe = view.snapshot.probe;
    const ActivationPictures& pictures = view.pictures.activations();
    const FeatureUnit& unit = state.network.unit;
    panel_heading(tr("Feature maps of the probe image"), metrics);
    // Beside the heading when it fits; otherwise on its own lines, wrapped.
    const std::string note = unit.chosen()
                                 ? field_text(view, unit)
                                 : tr("  click any unit to light its receptive field below it");
    ImGui::SameLine();
    if (ImGui::CalcTextSize(note.c_str()).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    ImGui::PushStyleColor(ImGuiCol_Text, unit.chosen()
                                             ? to_imvec4(ui_palette().highlight)
                                             : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (pictures.input().empty() ||
        pictures.layer_count() != static_cast<int>(probe.layers.size())) {
        return actions;
    }

    std::vector<Section> sections;
    const float certainty =
        probe.predicted_class >= 0
            ? probe.probabilities[static_cast<std::size_t>(probe.predicted_class)] * 100
            : 0.0f;
    sections.push_back(
        {-1, tr("input"),
         trf("predicted {digit} ({percent}%)", {{"digit", std::to_string(probe.predicted_class)},
                                                {"percent", format_number("%.0f", certainty)}}),
         &pictures.input(), probe.input_shape, 1});
    const int open = state.network.open_layer;
    for (int i = 0; i < static_cast<int>(probe.layers.size()); ++i) {
        const LayerActivation& layer = probe.layers[static_cast<std::size_t>(i)];
        const bool spatial = layer.is_grid();
        if (!spatial && i != open) continue;
        const TextArgs size_args = {{"c", std::to_string(layer.shape.channels)},
                                    {"h", std::to_string(layer.shape.height)},
                                    {"w", std::to_string(layer.shape.width)}};
        const std::string detail =
            !spatial ? trf("{n} units", {{"n", std::to_string(layer.shape.size())}})
            : colour_map_for(layer.kind) == ColourMap::Diverging
                ? trf("{c} x {h}x{w}, signed", size_args)
                : fill_placeholders("{c} x {h}x{w}", size_args);
        sections.push_back(
            {i, layer.name, detail, &pictures.layer(i), layer.shape, i == open ? 1.5f : 1.0f});
        if (!spatial) {
            sections.back().shape = Shape{1, 1, layer.shape.size()};
            sections.back().weight = 0.4f;
        }
    }

    ImDrawList* list = ImGui::GetWindowDrawList();
    const float text = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = size.y - ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    const float label = metrics.px(150);
    const float gap = metrics.px(6);
    float weights = 0;
    for (const Section& s : sections) weights += s.weight;
    // Never shorter than the two label lines: a deep network's rows then scroll.
    const float unit_height =
        std::max(text * 2.3f,
                 (height - gap * static_cast<float>(sections.size())) / std::max(weights, 1.0f));
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 lit = highlight_colour();
    const bool hoverable = ImGui::IsWindowHovered();
    float y = origin.y;
    for (const Section& s : sections) {
        const float h = unit_height * s.weight;
        const bool is_open = s.layer >= 0 && s.layer == open;
        if (is_open) {
            list->AddRectFilled(ImVec2(origin.x - 4, y - 2), ImVec2(origin.x + size.x, y + h + 2),
                                to_imgui(ui_palette().card_open));
        }
        list->AddText(ImVec2(origin.x, y), ink, s.title.c_str());
        list->AddText(ImVec2(origin.x, y + text * 1.15f), muted, s.detail.c_str());
        const ImVec2 texels(static_cast<float>(s.shape.width), static_cast<float>(s.shape.height));
        const bool strip = s.shape.height == 1;
        TileLayout layout = fit_tiles(s.sheet->count(), texels, ImVec2(origin.x + label, y),
                                      ImVec2(size.x - label, h), metrics.px(3), metrics.px(8));
        // A vector of units is a strip: as wide as it fits, tall enough to see.
        if (strip) layout.tile.y = std::min(h, text * 0.9f);
        const TileHover hover = draw_tiles(list, *s.sheet, layout, hoverable);

        // The receptive field on this section, and the unit itself.
        if (unit.chosen() && !strip) {
            if (const LayerField* f = field_on(view.field, s.layer)) {
                const FieldRegion& r = f->region;
                const bool is_unit_layer = s.layer == unit.layer;
                for (int t = 0; t < s.sheet->count(); ++t) {
                    const bool in_field =
                        channel_in_receptive_field(view.spec, unit.layer, unit.channel, s.layer, t);
                    if (!in_field || !r.has_input_cells()) {
                        continue;
                    }
                    outline_texels(list, layout, texels, t, r.clipped_rows.first,
                                   r.clipped_rows.last, r.clipped_cols.first, r.clipped_cols.last,
                                   lit, is_unit_layer ? 3.0f : 2.0f);
                }
            }
        }
        if (hover.tile >= 0) {
            const float value =
                s.layer < 0
                    ? probe.input[static_cast<std::size_t>(hover.row * s.shape.width + hover.col)]
                    : probe.layers[static_cast<std::size_t>(s.layer)].map(
                          hover.tile)[hover.row * s.shape.width + hover.col];
            const TextArgs args = {{"layer", s.title},
                                   {"unit", std::to_string(hover.col)},
                                   {"channel", std::to_string(hover.tile)},
                                   {"y", std::to_string(hover.row)},
                                   {"x", std::to_string(hover.col)},
                                   {"value", format_number("%.4f", value)}};
            if (strip) {
                ImGui::SetTooltip("%s", trf("{layer} unit {unit} = {value}", args).c_str());
            } else {
                ImGui::SetTooltip(
                    "%s",
                    (s.layer >= 0 ? trf("{layer} channel {channel} ({y}, {x}) = {value}\n"
                                        "click: light its receptive field",
                                        args)
                                  : trf("{layer} channel {channel} ({y}, {x}) = {value}", args))
                        .c_str());
                if (s.layer >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                    actions.live.select_unit =
                        FeatureUnit{s.layer, hover.tile, hover.row, hover.col};
                }
            }
        }
        y += h + gap;
    }
    // The rows' extent, so a scrolling panel knows how far it goes.
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(size.x - metrics.px(20), y - origin.y - gap));
    return actions;
}

}  // namespace convscope
