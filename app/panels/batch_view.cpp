// One-batch mode (issue 16 section 3): the batch just trained (its first images with
// label and prediction, the loss), the first convolution's filters each beside its
// dL/dW on the diverging map (click a cell to pick a weight), and that weight's
// gradient taken apart into input x dL/dY terms. Core computed every number; this draws.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/model/live_words.hpp"
#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/text_wrap.hpp"
#include "app/widgets/tile_grid.hpp"

namespace convscope {

namespace {

const ImU32 kWrong = IM_COL32(200, 30, 45, 255);

// The images in a grid, "label → prediction" under each (red when wrong).
void batch_images(const BatchInspection& batch, const TileSheet& sheet, ImVec2 origin,
                  ImVec2 available, const UiMetrics& metrics) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const int shown = sheet.count();
    if (shown == 0) return;
    const float line = ImGui::GetTextLineHeight();
    const float gap = metrics.px(6);
    // A caption "9→4" is about this wide: a column is never narrower.
    const float caption_width = ImGui::CalcTextSize(u8"9\u21929").x;
    int best_columns = 1;
    float best = 0;
    for (int columns = 1; columns <= shown; ++columns) {
        const int rows = (shown + columns - 1) / columns;
        const float side = std::min((available.x - gap * (columns - 1)) / columns,
                                    (available.y - rows * (line + gap)) / rows);
        if (side >= caption_width && side > best) {
            best = side;
            best_columns = columns;
        }
    }
    const float side = std::min(best, metrics.px(84));
    for (int n = 0; n < shown; ++n) {
        const ImVec2 at(origin.x + (n % best_columns) * (side + gap),
                        origin.y + (n / best_columns) * (side + line + gap));
        list->AddImage(sheet.texture(), at, ImVec2(at.x + side, at.y + side), sheet.uv0(n),
                       sheet.uv1(n));
        const int label = batch.labels[static_cast<std::size_t>(n)];
        const int guess = batch.predictions[static_cast<std::size_t>(n)];
        const std::string caption = std::to_string(label) + u8"\u2192" + std::to_string(guess);
        list->AddText(ImVec2(at.x, at.y + side),
                      label == guess ? ImGui::GetColorU32(ImGuiCol_Text) : kWrong, caption.c_str());
    }
}

// Filters beside their gradients; a click picks the weight under the mouse.
void filter_pairs(const NetworkModeView& view, const AppState& state, const UiMetrics& metrics,
                  ImVec2 origin, ImVec2 available, Actions& actions) {
    const BatchInspection& batch = *view.batch_pictures.batch();
    const ConvFilters& filters = batch.filters;
    const TileSheet& sheet = view.batch_pictures.filters();
    if (sheet.empty() || filters.shape.size() != 4) return;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 texels(static_cast<float>(filters.shape[3]), static_cast<float>(filters.shape[2]));
    const TileLayout layout =
        fit_tiles(sheet.count(), texels, origin, available, metrics.px(3), metrics.px(14), 2);
    const TileHover hover = draw_tiles(list, sheet, layout, ImGui::IsWindowHovered());
    const WeightPick& weight = state.network.weight;
    if (weight.chosen()) {
        const int slice = weight.filter * filters.shape[1] + weight.channel;
        for (int tile : {2 * slice, 2 * slice + 1})
            if (tile < sheet.count())
                outline_texels(list, layout, texels, tile, weight.ky, weight.ky, weight.kx,
                               weight.kx, highlight_colour(), metrics.px(2));
    }
    if (hover.tile < 0) return;
    const int slice = hover.tile / 2;
    const WeightPick under{filters.filter_of(slice), filters.channel_of(slice), hover.row,
                           hover.col};
    const std::size_t at = static_cast<std::size_t>(slice) * filters.shape[2] * filters.shape[3] +
                           static_cast<std::size_t>(hover.row) * filters.shape[3] + hover.col;
    ImGui::SetTooltip("%s", trf("filter {filter}, row {row}, column {column}: weight {weight}, "
                                "dL/dW {gradient} (click to take it apart)",
                                {{"filter", std::to_string(under.filter)},
                                 {"row", std::to_string(under.ky)},
                                 {"column", std::to_string(under.kx)},
                                 {"weight", format_number("%.3f", filters.weights[at])},
                                 {"gradient", format_number("%.2e", filters.gradients[at])}})
                                .c_str());
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) actions.live.pick_weight = under;
}

void batch_panel(const NetworkModeView& view, const AppState& state, const UiMetrics& metrics,
                 Actions& actions) {
    const BatchInspection& batch = *view.batch_pictures.batch();
    panel_heading(trf("Batch {batch}: loss {loss}, {correct} of {count} right",
                      {{"batch", std::to_string(batch.batch)},
                       {"loss", format_number("%.4f", batch.loss)},
                       {"correct", std::to_string(batch.correct)},
                       {"count", std::to_string(batch.count)}})
                      .c_str(),
                  metrics);
    const ImVec2 region = ImGui::GetContentRegionAvail();
    const float images_width = region.x * 0.42f;
    const float space = metrics.px(16);
    // Two captions side by side, each wrapped in its column (two lines kept for them).
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float captions = ImGui::GetTextLineHeight() * 2 + metrics.px(6);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 grey = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const std::string left_caption =
        trf("The first {shown} images: label \u2192 prediction (red: wrong)",
            {{"shown", std::to_string(view.batch_pictures.images().count())}});
    const std::string right_caption =
        trf("{layer}: each filter, then its dL/dW (blue -, red +); click a cell",
            {{"layer", batch.filters.name}});
    const float right = top.x + images_width + space;
    const float right_width = region.x - images_width - space;
    list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), top, grey, left_caption.c_str(), nullptr,
                  images_width);
    list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(right, top.y), grey,
                  right_caption.c_str(), nullptr, right_width);
    const ImVec2 origin(top.x, top.y + captions);
    const ImVec2 avail(images_width, region.y - captions);
    batch_images(batch, view.batch_pictures.images(), origin, avail, metrics);
    filter_pairs(view, state, metrics, ImVec2(right, origin.y), ImVec2(right_width, avail.y),
                 actions);
}

void term_rows(const WeightGradientSum& sum) {
    if (!ImGui::BeginTable("##terms", 5, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg))
        return;
    for (const char* name : {N_("image"), N_("window (row, column)"), N_("input x"), N_("dL/dY"),
                             N_("x \u00b7 dL/dY")})
        ImGui::TableSetupColumn(tr(name));
    ImGui::TableHeadersRow();
    for (const WeightTerm& term : sum.largest) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", term.image);
        ImGui::TableNextColumn();
        ImGui::Text("(%d, %d)", term.out_y, term.out_x);
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", static_cast<double>(term.input));
        ImGui::TableNextColumn();
        ImGui::Text("% .3e", static_cast<double>(term.output_gradient));
        ImGui::TableNextColumn();
        ImGui::Text("% .3e", static_cast<double>(term.product));
    }
    ImGui::EndTable();
}

void terms_panel(const NetworkModeView& view, const AppState& state, const UiMetrics& metrics) {
    const WeightPick& w = state.network.weight;
    panel_heading(tr("Stepping into the numbers"), metrics);
    const WeightGradientSum* sum = view.weight_sum;
    if (!sum) {
        wrapped_text(
            tr("Click a cell of a filter or of its gradient to take that weight's "
               "gradient apart."));
        return;
    }
    const BatchInspection& batch = *view.batch_pictures.batch();
    const int windows = batch.conv_output.height * batch.conv_output.width;
    wrapped_text(
        trf("dL/dW of filter {filter}, channel {channel}, row {row}, column {column} = "
            "the sum over {images} images \u00d7 {windows} windows of x \u00b7 dL/dY: "
            "{terms} terms, {nonzero} of them not zero. The largest:",
            {{"filter", std::to_string(w.filter)},
             {"channel", std::to_string(w.channel)},
             {"row", std::to_string(w.ky)},
             {"column", std::to_string(w.kx)},
             {"images", std::to_string(batch.count)},
             {"windows", std::to_string(windows)},
             {"terms", std::to_string(sum->term_count)},
             {"nonzero", std::to_string(sum->nonzero_terms)}}));
    term_rows(*sum);
    // The check: the terms add up to what the layer's own backward gave.
    ImGui::TextUnformatted(trf("Sum of all {terms} terms: {total}    the layer's backward: {layer}",
                               {{"terms", std::to_string(sum->term_count)},
                                {"total", format_number("% .4e", sum->total)},
                                {"layer", format_number("% .4e", sum->layer_gradient)}})
                               .c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped_text(
        tr("As in the backward lesson: each weight sums input \u00d7 dL/dY over every "
           "window that used it, here over every image of the batch too (dL/dY "
           "carries the mean's 1/batch)."));
    ImGui::PopStyleColor();
}

}  // namespace

Actions draw_batch_view(const NetworkModeView& view, const AppState& state,
                        const UiMetrics& metrics, ImVec2 position, ImVec2 size) {
    Actions actions;
    const float top = size.y * 0.52f;
    if (begin_panel("##batch", position, ImVec2(size.x, top), metrics))
        batch_panel(view, state, metrics, actions);
    ImGui::End();
    if (begin_panel("##weight_terms", ImVec2(position.x, position.y + top),
                    ImVec2(size.x, size.y - top), metrics, /*scrollable=*/true))
        terms_panel(view, state, metrics);
    ImGui::End();
    return actions;
}

}  // namespace convscope
