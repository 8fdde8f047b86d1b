// Sections:
//   colours     role -> colour map, value -> shade, ImGui colours
//   layout      one cell size for all three grids, chosen to fit the area
//   cells       GL instances for cells, grid lines and outlines, snapped to pixels
//   text        numbers in cells, labels, operators, the sum line
//   the panel   draw_conv_view
#include "app/panels/conv_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/gl/colour_maps.hpp"
#include "core/nested_array.hpp"

namespace convscope {

namespace {

// ---- colours ---------------------------------------------------------------------

gl::ColourMap map_of(GridRole role) {
    switch (role) {
        case GridRole::Input:
            return gl::ColourMap::Input;
        case GridRole::Kernel:
            return gl::ColourMap::Kernel;
        case GridRole::Output:
            return gl::ColourMap::Output;
    }
    return gl::ColourMap::Input;
}

ImU32 to_imgui(gl::Rgb colour, float alpha = 1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(colour.r, colour.g, colour.b, alpha));
}

const ImU32 kInk = IM_COL32(28, 32, 40, 255);         // main text
const ImU32 kMutedInk = IM_COL32(96, 102, 114, 255);  // secondary text, operators
const ImU32 kPaddingInk = IM_COL32(128, 130, 138, 255);

// Where a value sits on its grid's colour map: sequential grids span their own
// min..max; a grid with negative values is centred on zero (purple below, role hue above).
struct ColourScale {
    float low = 0, high = 1;
    bool is_signed = false;

    static ColourScale of(const GridView& grid) {
        ColourScale scale;
        bool first = true;
        for (size_t i = 0; i < grid.values.size(); ++i) {
            if (grid.padded[i]) continue;
            scale.low = first ? grid.values[i] : std::min(scale.low, grid.values[i]);
            scale.high = first ? grid.values[i] : std::max(scale.high, grid.values[i]);
            first = false;
        }
        scale.is_signed = scale.low < 0;
        return scale;
    }

    // The map and the shade (0..1) of `value` on a grid of `role`.
    std::pair<gl::ColourMap, float> shade(float value, GridRole role) const {
        if (is_signed) {
            const float reach = std::max(std::fabs(low), std::fabs(high));
            const float t = reach > 0 ? value / reach : 0.0f;
            return t < 0 ? std::make_pair(gl::ColourMap::NegativeValues, -t)
                         : std::make_pair(map_of(role), t);
        }
        const float t = high > low ? (value - low) / (high - low) : 0.5f;
        return {map_of(role), t};
    }
};

// ---- layout ----------------------------------------------------------------------

constexpr float kOperatorCells = 1.3f;  // the gap between two grids, holding "∗" or "="

struct Layout {
    float cell = 0;     // logical pixels per cell, the same for all three grids
    float heading = 0;  // font sizes, logical pixels
    float number = 0;
    float label_height = 0;
    float width = 0;  // of the block of grids, labels, sum and formula
    float height = 0;
};

// Every size of the block follows from the cell size.
Layout layout_for_cell(float cell, const ConvSceneView& view, const UiMetrics& metrics) {
    Layout layout;
    layout.cell = cell;
    const float body = metrics.fonts->sizes().body;
    layout.heading = std::max(body, 0.26f * cell * metrics.text_scale);
    layout.number = std::min(0.40f * cell * metrics.text_scale, 0.62f * cell);
    layout.label_height = layout.heading * 1.3f + 0.12f * cell;
    const int rows = std::max({view.input.rows, view.kernel.rows, view.output.rows});
    const int cols = view.input.cols + view.kernel.cols + view.output.cols;
    layout.width = cell * (static_cast<float>(cols) + 2 * kOperatorCells);
    layout.height = layout.label_height + cell * static_cast<float>(rows) + 0.45f * cell +
                    layout.heading * 1.35f + 0.25f * cell + body * 1.4f;
    return layout;
}

// The largest cell size whose block fits `available`, within sensible bounds.
Layout fit_layout(ImVec2 available, const ConvSceneView& view, const UiMetrics& metrics) {
    float low = metrics.px(14), high = metrics.px(200);
    for (int i = 0; i < 32; ++i) {
        const float middle = 0.5f * (low + high);
        const Layout layout = layout_for_cell(middle, view, metrics);
        if (layout.width <= available.x && layout.height <= available.y) {
            low = middle;
        } else {
            high = middle;
        }
    }
    return layout_for_cell(std::floor(low), view, metrics);
}

// ---- cells -----------------------------------------------------------------------

// A grid in framebuffer pixels: whole numbers, so every line falls on pixel edges.
struct GridPixels {
    int x = 0, y = 0;  // top-left of the outer grid line
    int pitch = 0;     // from one cell's left edge to the next one's
    int line = 0;      // grid line thickness
    int outline = 0;   // highlight thickness, line + an even number
    float scale = 1;   // framebuffer pixels per logical pixel

    int width(const GridView& grid) const { return grid.cols * pitch + line; }
    int height(const GridView& grid) const { return grid.rows * pitch + line; }
    // Centre of a cell in logical pixels, for text.
    ImVec2 cell_centre(int row, int col) const {
        const float half = 0.5f * static_cast<float>(pitch + line);
        return ImVec2((static_cast<float>(x + col * pitch) + half) / scale,
                      (static_cast<float>(y + row * pitch) + half) / scale);
    }
};

GridPixels place_grid(ImVec2 top_left, float cell, float scale) {
    GridPixels pixels;
    pixels.scale = scale;
    pixels.x = static_cast<int>(std::lround(top_left.x * scale));
    pixels.y = static_cast<int>(std::lround(top_left.y * scale));
    pixels.pitch = std::max(4, static_cast<int>(std::lround(cell * scale)));
    pixels.line = std::clamp(static_cast<int>(std::lround(pixels.pitch / 45.0f)), 1, 4);
    const int extra = std::max(1, static_cast<int>(std::lround(pixels.pitch / 40.0f)));
    pixels.outline = pixels.line + 2 * extra;
    return pixels;
}

void add_grid_cells(const GridView& grid, const GridPixels& at,
                    std::vector<gl::CellInstance>& out) {
    using gl::CellInstance;
    using gl::CellKind;
    const ColourScale scale = ColourScale::of(grid);
    const float px = static_cast<float>(at.x), py = static_cast<float>(at.y);
    const float pitch = static_cast<float>(at.pitch), line = static_cast<float>(at.line);
    // The lines are the backing that shows between the cells.
    out.push_back(CellInstance::make(px, py, static_cast<float>(at.width(grid)),
                                     static_cast<float>(at.height(grid)), CellKind::GridLine));
    for (int row = 0; row < grid.rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            const float x = px + col * pitch + line, y = py + row * pitch + line;
            if (grid.is_padded(row, col)) {
                out.push_back(
                    CellInstance::make(x, y, pitch - line, pitch - line, CellKind::Padding));
                continue;
            }
            const auto [map, shade] = scale.shade(grid.value(row, col), grid.role);
            out.push_back(
                CellInstance::make(x, y, pitch - line, pitch - line, CellKind::Value, map, shade));
        }
    }
    if (grid.highlight.empty()) return;
    // Four bars centred on the grid lines around the span.
    const CellSpan& span = grid.highlight;
    const float t = static_cast<float>(at.outline);
    const float left = px + span.col * pitch - static_cast<float>((at.outline - at.line) / 2);
    const float top = py + span.row * pitch - static_cast<float>((at.outline - at.line) / 2);
    const float width = span.cols * pitch + t, height = span.rows * pitch + t;
    out.push_back(CellInstance::make(left, top, width, t, CellKind::Highlight));
    out.push_back(CellInstance::make(left, top + span.rows * pitch, width, t, CellKind::Highlight));
    out.push_back(CellInstance::make(left, top, t, height, CellKind::Highlight));
    out.push_back(
        CellInstance::make(left + span.cols * pitch, top, t, height, CellKind::Highlight));
}

// ---- text ------------------------------------------------------------------------

// Core's shortest round-trip text, with a true minus sign when the font has one.
std::string value_text(float value, const UiMetrics& metrics) {
    std::string text = number_text(value);
    if (!text.empty() && text[0] == '-' && metrics.fonts->has_math_glyphs()) {
        text = "\u2212" + text.substr(1);
    }
    return text;
}

ImVec2 text_size(ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
}

void text_centred(ImDrawList* list, ImFont* font, float size, ImVec2 centre, ImU32 colour,
                  const std::string& text) {
    const ImVec2 extent = text_size(font, size, text);
    list->AddText(
        font, size,
        ImVec2(std::round(centre.x - extent.x * 0.5f), std::round(centre.y - extent.y * 0.5f)),
        colour, text.c_str());
}

void add_grid_numbers(ImDrawList* list, const GridView& grid, const GridPixels& at,
                      float number_size, const UiMetrics& metrics) {
    const ColourScale scale = ColourScale::of(grid);
    ImFont* font = metrics.fonts->number();
    const float inner = static_cast<float>(at.pitch - at.line) / at.scale;
    for (int row = 0; row < grid.rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            const std::string text = value_text(grid.value(row, col), metrics);
            // Long numbers (-0.125) shrink to fit their cell.
            float size = number_size;
            const float width = text_size(font, size, text).x;
            if (width > 0.84f * inner) size *= 0.84f * inner / width;
            ImU32 colour = kPaddingInk;
            if (!grid.is_padded(row, col)) {
                const auto [map, shade] = scale.shade(grid.value(row, col), grid.role);
                colour = gl::luminance(gl::map_colour(map, shade)) > 0.42f ? kInk : IM_COL32_WHITE;
            }
            text_centred(list, font, size, at.cell_centre(row, col), colour, text);
        }
    }
}

// A run of text in one colour; the sum line is a sequence of them.
struct Span {
    std::string text;
    ImU32 colour;
};

// "0×3 + 1×3 + ... = 12": kernel values in the kernel's colour, input values in the
// input's, the result in the output's, so each number points back to its grid.
std::vector<Span> sum_spans(const ConvSceneView& view, const UiMetrics& metrics) {
    const ImU32 kernel_ink = to_imgui(gl::role_text_colour(gl::ColourMap::Kernel));
    const ImU32 input_ink = to_imgui(gl::role_text_colour(gl::ColourMap::Input));
    const ImU32 output_ink = to_imgui(gl::role_text_colour(gl::ColourMap::Output));
    const char* times = metrics.fonts->has_math_glyphs() ? "\u00d7" : "x";
    std::vector<Span> spans;
    for (size_t i = 0; i < view.terms.size(); ++i) {
        const ProductTerm& term = view.terms[i];
        if (i > 0) spans.push_back({" + ", kMutedInk});
        spans.push_back({value_text(term.kernel, metrics), kernel_ink});
        spans.push_back({times, kMutedInk});
        spans.push_back({value_text(term.input, metrics), term.padded ? kPaddingInk : input_ink});
    }
    spans.push_back({" = ", kMutedInk});
    spans.push_back({value_text(view.result, metrics), output_ink});
    return spans;
}

void draw_spans_centred(ImDrawList* list, ImFont* font, float size, float max_width,
                        ImVec2 centre_top, const std::vector<Span>& spans) {
    float width = 0;
    for (const Span& span : spans) width += text_size(font, size, span.text).x;
    if (width > max_width && width > 0) {
        size *= max_width / width;
        width = max_width;
    }
    ImVec2 at(std::round(centre_top.x - width * 0.5f), std::round(centre_top.y));
    for (const Span& span : spans) {
        list->AddText(font, size, at, span.colour, span.text.c_str());
        at.x += text_size(font, size, span.text).x;
    }
}

}  // namespace

// ---- the panel -------------------------------------------------------------------

Actions draw_conv_view(const ConvSceneView& view, const AppState& /*state*/,
                       const UiMetrics& metrics, ImVec2 position, ImVec2 size,
                       GridLayer& grid_layer) {
    Actions actions;
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    const bool visible = ImGui::Begin("##conv_view", nullptr, flags);
    ImGui::PopStyleVar();
    if (!visible) {
        ImGui::End();
        return actions;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    const Fonts& fonts = *metrics.fonts;
    const float body = fonts.sizes().body;
    const float margin = metrics.px(40);

    // Title and explanation, top left.
    const float title_size = fonts.sizes().title;
    const std::string title = view.lesson + "  " + view.title;
    ImVec2 cursor(position.x + margin, position.y + margin * 0.8f);
    list->AddText(fonts.title(), title_size, cursor, kInk, title.c_str());
    cursor.y += title_size * 1.45f;
    const float wrap = std::min(size.x - 2 * margin, body * 46);
    list->AddText(fonts.body(), body, cursor, kMutedInk, view.explanation.c_str(), nullptr, wrap);
    cursor.y += fonts.body()->CalcTextSizeA(body, FLT_MAX, wrap, view.explanation.c_str()).y;
    const float header_bottom = cursor.y + margin * 0.5f;

    // The block of grids, centred in what is left.
    const ImVec2 available(size.x - 2 * margin, position.y + size.y - header_bottom - margin);
    const Layout layout = fit_layout(available, view, metrics);
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
    const float block_left =
        position.x + margin + std::max(0.0f, (available.x - layout.width) * 0.5f);
    const float block_top = header_bottom + std::max(0.0f, (available.y - layout.height) * 0.5f);
    const float cell = layout.cell;
    const int tallest = std::max({view.input.rows, view.kernel.rows, view.output.rows});
    const float grids_top = block_top + layout.label_height;
    const float middle_y = grids_top + cell * tallest * 0.5f;

    // Left to right: input, "∗", kernel, "=", output; each centred on middle_y.
    const GridView* grids[] = {&view.input, &view.kernel, &view.output};
    GridPixels placed[3];
    float x = block_left;
    float operator_x[2] = {0, 0};
    for (int i = 0; i < 3; ++i) {
        const GridView& grid = *grids[i];
        placed[i] = place_grid(ImVec2(x, middle_y - cell * grid.rows * 0.5f), cell, scale);
        x += cell * grid.cols;
        if (i < 2) {
            operator_x[i] = x + cell * kOperatorCells * 0.5f;
            x += cell * kOperatorCells;
        }
    }

    std::vector<gl::CellInstance> cells;
    for (int i = 0; i < 3; ++i) add_grid_cells(*grids[i], placed[i], cells);
    grid_layer.add(list, std::move(cells), std::max(6.0f, placed[0].pitch / 6.0f));

    // Numbers and labels, drawn after the cells so they land on top.
    for (int i = 0; i < 3; ++i) {
        const GridView& grid = *grids[i];
        add_grid_numbers(list, grid, placed[i], layout.number, metrics);
        const float grid_left = placed[i].x / scale;
        const float grid_width = placed[i].width(grid) / scale;
        const float label_width = text_size(fonts.heading(), layout.heading, grid.title).x;
        const ImVec2 label_at(std::round(grid_left + (grid_width - label_width) * 0.5f),
                              std::round(placed[i].y / scale - layout.label_height + 0.04f * cell));
        list->AddText(fonts.heading(), layout.heading, label_at,
                      to_imgui(gl::role_text_colour(map_of(grid.role))), grid.title.c_str());
    }
    const char* convolve = fonts.has_math_glyphs() ? "\u2217" : "*";
    text_centred(list, fonts.number(), layout.number * 1.3f, ImVec2(operator_x[0], middle_y),
                 kMutedInk, convolve);
    text_centred(list, fonts.number(), layout.number * 1.3f, ImVec2(operator_x[1], middle_y),
                 kMutedInk, "=");

    // The highlighted window's sum, then the size formula.
    const float block_centre = block_left + layout.width * 0.5f;
    const float sum_top = grids_top + cell * tallest + 0.45f * cell;
    draw_spans_centred(list, fonts.heading(), layout.heading, available.x,
                       ImVec2(block_centre, sum_top), sum_spans(view, metrics));
    const float formula_top = sum_top + layout.heading * 1.35f + 0.25f * cell;
    const ImVec2 formula_size = text_size(fonts.body(), body, view.formula);
    list->AddText(fonts.body(), body,
                  ImVec2(std::round(block_centre - formula_size.x * 0.5f), std::round(formula_top)),
                  kMutedInk, view.formula.c_str());

    ImGui::End();
    actions.fonts.heading = layout.heading;
    actions.fonts.number = layout.number;
    return actions;
}

}  // namespace convscope
