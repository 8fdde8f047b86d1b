// Each conv layer's filters as small tiles on the diverging map (blue negative, white
// zero, red positive), or their gradients (ConvNetJS); hover a tile to read its values.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/model/live_words.hpp"
#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/tile_grid.hpp"

namespace convscope {

namespace {

void values_tooltip(const ConvFilters& layer, const std::vector<float>& values, int tile,
                    bool gradients) {
    const int kh = layer.shape[2], kw = layer.shape[3];
    const int filter = layer.filter_of(tile), channel = layer.channel_of(tile);
    ImGui::BeginTooltip();
    const TextArgs args = {{"layer", layer.name},
                           {"filter", std::to_string(filter)},
                           {"channel", std::to_string(channel)}};
    ImGui::TextUnformatted(
        (gradients ? trf("{layer} filter {filter}, channel {channel} (d loss / d weight)", args)
                   : trf("{layer} filter {filter}, channel {channel}", args))
            .c_str());
    const float* at = values.data() + static_cast<std::size_t>(tile) * kh * kw;
    for (int y = 0; y < kh; ++y) {
        std::string row;
        for (int x = 0; x < kw; ++x) {
            char cell[24];
            std::snprintf(cell, sizeof cell, gradients ? "% .2e " : "% .3f ", at[y * kw + x]);
            row += cell;
        }
        ImGui::TextUnformatted(row.c_str());
    }
    if (!gradients && static_cast<std::size_t>(filter) < layer.biases.size()) {
        const float bias = layer.biases[static_cast<std::size_t>(filter)];
        ImGui::TextUnformatted(
            trf("bias {value}", {{"value", format_number("% .4f", bias)}}).c_str());
    }
    ImGui::EndTooltip();
}

}  // namespace

Actions draw_kernel_tiles(const NetworkModeView& view, const AppState& state,
                          const UiMetrics& metrics, ImVec2 size) {
    Actions actions;
    const bool gradients = state.network.show_gradients;
    panel_heading(gradients ? tr("Gradients of the filters") : tr("Filters"), metrics);
    ImGui::SameLine();
    bool show = gradients;
    const std::string toggle = std::string(tr("show gradients")) + "###show_gradients";
    if (ImGui::Checkbox(toggle.c_str(), &show)) actions.live.toggle_gradients = true;
    ImGui::SameLine();
    ImGui::TextDisabled(
        "%s", tr("  blue negative, white 0, red positive; each tile scaled alone; hover to read"));
    const std::vector<ConvFilters>& layers = view.snapshot.conv_layers;
    if (layers.empty()) return actions;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float text = ImGui::GetFontSize();
    const float height = size.y - ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    int total = 0;
    for (const ConvFilters& layer : layers) total += layer.slice_count();
    float x = origin.x;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const ConvFilters& layer = layers[i];
        const int count = layer.slice_count();
        const float share = std::max(0.25f, static_cast<float>(count) / static_cast<float>(total));
        const float width = layers.size() == 1 ? size.x : (size.x - text) * std::min(share, 0.75f);
        char title[96];
        std::snprintf(title, sizeof title, "%s (%d, %d, %d, %d)", layer.name.c_str(),
                      layer.shape[0], layer.shape[1], layer.shape[2], layer.shape[3]);
        list->AddText(ImVec2(x, origin.y), ImGui::GetColorU32(ImGuiCol_Text), title);
        const TileSheet& sheet = gradients ? view.pictures.gradients(static_cast<int>(i))
                                           : view.pictures.filters(static_cast<int>(i));
        const std::vector<float>& values = gradients ? layer.gradients : layer.weights;
        if (sheet.empty() || values.empty()) {
            list->AddText(ImVec2(x, origin.y + text * 1.4f),
                          ImGui::GetColorU32(ImGuiCol_TextDisabled),
                          tr("no gradients yet: they appear once training runs"));
        } else {
            const TileLayout layout = fit_tiles(
                count,
                ImVec2(static_cast<float>(layer.shape[3]), static_cast<float>(layer.shape[2])),
                ImVec2(x, origin.y + text * 1.4f), ImVec2(width, height - text * 1.5f),
                metrics.px(3), metrics.px(12), layer.shape[1]);
            const TileHover hover = draw_tiles(list, sheet, layout, ImGui::IsWindowHovered());
            if (hover.tile >= 0) values_tooltip(layer, values, hover.tile, gradients);
        }
        x += width + text;
    }
    return actions;
}

}  // namespace convscope
