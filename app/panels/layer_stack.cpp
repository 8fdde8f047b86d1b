// The network's layers left to right with the (N, C, H, W) shape after each and its
// parameter count (issue 5 section 3). Clicking a layer opens its maps below.
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

struct Box {
    std::string name, text, shape, parameters;
    int layer = -1;  // -1: the input or the softmax (not clickable)
};

// `batch` is the batch size, or "N" when the boxes are short of room.
std::string shape_of(const std::string& batch, const Shape& shape, bool spatial) {
    char text[64];
    if (spatial) {
        std::snprintf(text, sizeof text, "(%s, %d, %d, %d)", batch.c_str(), shape.channels,
                      shape.height, shape.width);
    } else {
        std::snprintf(text, sizeof text, "(%s, %d)", batch.c_str(), shape.size());
    }
    return text;
}

std::vector<Box> boxes_of(const NetworkModeView& view, const std::string& batch) {
    std::vector<Box> boxes;
    const Shape& in = view.spec.input;
    boxes.push_back({tr("input"),
                     trf("{c}x{h}x{w} image", {{"c", std::to_string(in.channels)},
                                               {"h", std::to_string(in.height)},
                                               {"w", std::to_string(in.width)}}),
                     shape_of(batch, in, true), "", -1});
    Shape last = in;
    for (const LayerSummary& layer : view.layers) {
        // The defaults (s1 p0 d1) say nothing here.
        boxes.push_back(
            {layer.name, layer_description(layer), shape_of(batch, layer.output, layer.spatial),
             layer.parameters > 0 ? trf("{n} params", {{"n", grouped_count(layer.parameters)}})
                                  : "",
             layer.layer});
        last = layer.output;
    }
    boxes.push_back({"softmax", tr("probabilities"), shape_of(batch, last, false), "", -1});
    return boxes;
}

}  // namespace

Actions draw_layer_stack(const NetworkModeView& view, const AppState& state,
                         const UiMetrics& metrics, ImVec2 size) {
    Actions actions;
    panel_heading(
        trf("The network: {name}, {n} parameters",
            {{"name", view.spec.name}, {"n", grouped_count(view.snapshot.parameter_count)}})
            .c_str(),
        metrics);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("  N = batch {n}; click a layer to open its maps",
                                  {{"n", std::to_string(state.network.settings.batch)}})
                                  .c_str());
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = size.y - ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    const float arrow = metrics.px(14);
    const float pad = metrics.px(10);
    ImFont* font = ImGui::GetFont();
    float text = ImGui::GetFontSize();
    // Each box as wide as its longest line; one font size for all, shrunk only when
    // the boxes would not fit at the UI size (LeNet has eleven). Short of room, the
    // shapes say N for the batch (the heading gives its value) before the text shrinks.
    std::vector<Box> boxes;
    std::vector<float> widths;
    float total = 0;
    for (const std::string& batch :
         {std::to_string(state.network.settings.batch), std::string("N")}) {
        boxes = boxes_of(view, batch);
        widths.clear();
        total = arrow * static_cast<float>(boxes.size() - 1);
        for (const Box& box : boxes) {
            float width = 0;
            for (const std::string* line : {&box.name, &box.text, &box.shape, &box.parameters}) {
                width = std::max(width, font->CalcTextSizeA(text, FLT_MAX, 0, line->c_str()).x);
            }
            widths.push_back(width + pad);
            total += width + pad;
        }
        if (total <= size.x) break;
    }
    // A deep stack (DeepConvNet has 21 boxes) folds into the rows (up to three) that
    // give the largest text, rather than shrink it past reading; each further row
    // starts with the arrow from the one above.
    const float row_gap = metrics.px(6);
    struct Fold {
        std::size_t rows = 1, per_row = 1;
        float fit = 1, row_height = 0, text = 0;
    };
    const auto fold = [&](std::size_t rows) {
        Fold f;
        f.rows = rows;
        f.per_row = (boxes.size() + rows - 1) / rows;
        f.row_height = (height - row_gap * static_cast<float>(rows - 1)) / rows;
        float widest = 0;  // the widest row's boxes, arrows apart
        for (std::size_t r = 0; r < rows; ++r) {
            float row = 0;
            for (std::size_t i = r * f.per_row; i < std::min(boxes.size(), (r + 1) * f.per_row);
                 ++i)
                row += widths[i];
            widest = std::max(widest, row);
        }
        const float arrows = arrow * static_cast<float>(f.per_row - (rows > 1 ? 0 : 1));
        f.fit = std::min(1.0f, (size.x - arrows) / widest);
        f.text = std::min(text * f.fit, (f.row_height - metrics.px(8)) / 4.4f);
        return f;
    };
    Fold chosen = fold(1);
    for (std::size_t rows = 2; rows <= 3 && boxes.size() > 12; ++rows) {
        const Fold f = fold(rows);
        if (f.text > chosen.text * 1.05f) chosen = f;
    }
    const std::size_t rows = chosen.rows, per_row = chosen.per_row;
    const float row_height = chosen.row_height, fit = chosen.fit;
    text = chosen.text;
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const auto draw_arrow = [&](float from, float mid) {
        list->AddLine(ImVec2(from + 2, mid), ImVec2(from + arrow - 3, mid), muted, 1.5f);
        list->AddTriangleFilled(ImVec2(from + arrow - 2, mid), ImVec2(from + arrow - 7, mid - 4),
                                ImVec2(from + arrow - 7, mid + 4), muted);
    };
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t first = r * per_row;
        const std::size_t last = std::min(boxes.size(), first + per_row);
        float row_width = 0;
        for (std::size_t i = first; i < last; ++i) row_width += widths[i] * fit;
        const float row_arrows = arrow * static_cast<float>(last - first - (r == 0 ? 1 : 0));
        // Spare room widens every box of the row alike.
        const float spare =
            std::max(0.0f, size.x - row_width - row_arrows) / static_cast<float>(last - first);
        const float top = origin.y + static_cast<float>(r) * (row_height + row_gap);
        float x = origin.x;
        if (r > 0) {
            draw_arrow(x, top + row_height * 0.5f);
            x += arrow;
        }
        for (std::size_t i = first; i < last; ++i) {
            const Box& box = boxes[i];
            const float width = widths[i] * fit + spare;
            const ImVec2 a(x, top);
            x += width + arrow;
            const ImVec2 b(a.x + width, a.y + row_height);
            const bool open = box.layer >= 0 && box.layer == state.network.open_layer;
            ImGui::SetCursorScreenPos(a);
            ImGui::PushID(static_cast<int>(i));
            const bool clicked = ImGui::InvisibleButton("##layer", ImVec2(width, row_height));
            const bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            if (clicked && box.layer >= 0) actions.live.open_layer = open ? -1 : box.layer;
            const Palette& palette = ui_palette();
            const ImU32 fill = to_imgui(open      ? palette.card_open
                                        : hovered ? palette.card_hovered
                                                  : palette.card);
            list->AddRectFilled(a, b, fill, metrics.px(4));
            list->AddRect(a, b, open ? highlight_colour() : to_imgui(palette.frame), metrics.px(4),
                          0, open ? 2.0f : 1.0f);
            float y = a.y + metrics.px(4);
            const std::string* lines[] = {&box.name, &box.text, &box.shape, &box.parameters};
            for (int l = 0; l < 4; ++l) {
                const ImVec2 extent = font->CalcTextSizeA(text, FLT_MAX, 0, lines[l]->c_str());
                list->AddText(font, text, ImVec2(a.x + (width - extent.x) * 0.5f, y),
                              l == 0 || l == 2 ? ink : muted, lines[l]->c_str());
                y += text * 1.08f;
            }
            if (i + 1 < last) draw_arrow(b.x, a.y + row_height * 0.5f);
        }
    }
    return actions;
}

}  // namespace convscope
