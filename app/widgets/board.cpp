// Sections:
//   ink         role colours for text, value text, centred lines
//   the board   adding elements, extent in cell units
//   colours     value -> colour map and shade
//   cells       GL instances for cells, grid lines, outlines and marks, snapped to pixels
//   text        numbers, titles, legends, free text
//   drawing     fit, draw, clicks
#include "app/widgets/board.hpp"

#include <algorithm>
#include <cmath>

#include "core/formats/nested_array.hpp"

namespace convscope {

// ---- ink ---------------------------------------------------------------------------

namespace {

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

ImU32 to_imgui(gl::Rgb colour) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(colour.r, colour.g, colour.b, 1.0f));
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

}  // namespace

ImU32 role_ink(GridRole role) {
    return to_imgui(gl::role_text_colour(map_of(role)));
}

ImU32 highlight_ink() {
    return to_imgui(gl::kHighlight);
}

std::string value_text(float value, const UiMetrics& metrics) {
    std::string text = number_text(value);
    if (!text.empty() && text[0] == '-' && metrics.fonts->has_math_glyphs()) {
        text = "\u2212" + text.substr(1);
    }
    return text;
}

void draw_line_centred(ImDrawList* list, ImFont* font, float size, float max_width,
                       ImVec2 centre_top, const TextLine& line) {
    float width = 0;
    for (const TextSpan& span : line) width += text_size(font, size, span.text).x;
    if (width > max_width && width > 0) {
        size *= max_width / width;
        width = max_width;
    }
    ImVec2 at(std::round(centre_top.x - width * 0.5f), std::round(centre_top.y));
    for (const TextSpan& span : line) {
        list->AddText(font, size, at, span.colour, span.text.c_str());
        at.x += text_size(font, size, span.text).x;
    }
}

// ---- the board ---------------------------------------------------------------------

void Board::extend(float left, float top, float right, float bottom) {
    if (!has_extent_) {
        left_ = left, top_ = top, right_ = right, bottom_ = bottom;
        has_extent_ = true;
        return;
    }
    left_ = std::min(left_, left);
    top_ = std::min(top_, top);
    right_ = std::max(right_, right);
    bottom_ = std::max(bottom_, bottom);
}

void Board::add_grid(GridView grid, float x, float y, ClickTarget target, bool with_legend) {
    const float cols = static_cast<float>(grid.cols), rows = static_cast<float>(grid.rows);
    extend(x, grid.title.empty() ? y : y - kLabelHeight, x + cols,
           y + rows + (with_legend ? kLegendHeight : 0.0f));
    grids_.push_back({std::move(grid), x, y, target, with_legend});
}

void Board::add_thumbnail(GridView grid, float x, float y, float scale) {
    scale = std::clamp(scale, 0.2f, 1.0f);
    grid.show_numbers = false;
    const float cols = grid.cols * scale, rows = grid.rows * scale;
    extend(x, grid.title.empty() ? y : y - kLabelHeight, x + cols, y + rows);
    grids_.push_back({std::move(grid), x, y, ClickTarget{}, false, scale});
}

void Board::add_text(TextLine line, float x, float y, float max_width, TextStyle style) {
    extend(x - max_width * 0.5f, y - 0.4f, x + max_width * 0.5f, y + 0.4f);
    texts_.push_back({std::move(line), x, y, max_width, style});
}

namespace {

// ---- colours -----------------------------------------------------------------------

// Where a value sits on its grid's colour map: sequential grids span their own
// min..max; a grid with negative values is centred on zero (purple below, role hue above).
struct ColourScale {
    float low = 0, high = 1;
    bool is_signed = false;
    GridShading shading = GridShading::Role;
    GridRole role = GridRole::Input;

    static ColourScale of(const GridView& grid) {
        ColourScale scale;
        scale.shading = grid.shading;
        scale.role = grid.role;
        bool first = true;
        for (size_t i = 0; i < grid.values.size(); ++i) {
            if (grid.states[i] == CellState::Padding || grid.states[i] == CellState::Empty) {
                continue;
            }
            if (!std::isfinite(grid.values[i])) continue;
            scale.low = first ? grid.values[i] : std::min(scale.low, grid.values[i]);
            scale.high = first ? grid.values[i] : std::max(scale.high, grid.values[i]);
            first = false;
        }
        if (grid.fixed_range) {
            scale.low = grid.range_low;
            scale.high = grid.range_high;
        }
        scale.is_signed = grid.shading == GridShading::Role && scale.low < 0;
        return scale;
    }

    bool has_legend() const { return is_signed || shading == GridShading::Heat; }

    // The map and the shade (0..1) of `value`.
    std::pair<gl::ColourMap, float> shade(float value) const {
        if (shading == GridShading::Flat) return {map_of(role), 0.45f};
        const gl::ColourMap map = shading == GridShading::Heat ? gl::ColourMap::Heat : map_of(role);
        if (is_signed) {
            const float reach = std::max(std::fabs(low), std::fabs(high));
            const float t = reach > 0 ? value / reach : 0.0f;
            return t < 0 ? std::make_pair(gl::ColourMap::NegativeValues, -t)
                         : std::make_pair(map, t);
        }
        const float t = high > low ? (value - low) / (high - low) : 0.5f;
        return {map, t};
    }
};

// ---- cells -------------------------------------------------------------------------

// A grid in framebuffer pixels: whole numbers, so every line falls on pixel edges.
struct GridPixels {
    int x = 0, y = 0;  // top-left of the outer grid line
    int pitch = 0;     // from one cell's left edge to the next one's
    int line = 0;      // grid line thickness
    int outline = 0;   // highlight thickness, line + an even number
    float scale = 1;   // framebuffer pixels per logical pixel

    int width(const GridView& grid) const { return grid.cols * pitch + line; }
    int height(const GridView& grid) const { return grid.rows * pitch + line; }
    ImVec2 cell_centre(int row, int col) const {  // logical pixels
        const float half = 0.5f * static_cast<float>(pitch + line);
        return ImVec2((static_cast<float>(x + col * pitch) + half) / scale,
                      (static_cast<float>(y + row * pitch) + half) / scale);
    }
    // The cell under a logical-pixel point, or false.
    bool cell_at(ImVec2 point, const GridView& grid, int* row, int* col) const {
        const float px = point.x * scale - static_cast<float>(x);
        const float py = point.y * scale - static_cast<float>(y);
        if (px < 0 || py < 0) return false;
        *col = static_cast<int>(px / static_cast<float>(pitch));
        *row = static_cast<int>(py / static_cast<float>(pitch));
        return *row < grid.rows && *col < grid.cols;
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

// Four bars of thickness t around the rectangle (x, y, w, h), centred on its edges
// when `centred`, inside it otherwise.
void add_ring(float x, float y, float w, float h, float t, std::vector<gl::CellInstance>& out) {
    using gl::CellInstance;
    using gl::CellKind;
    out.push_back(CellInstance::make(x, y, w, t, CellKind::Highlight));
    out.push_back(CellInstance::make(x, y + h - t, w, t, CellKind::Highlight));
    out.push_back(CellInstance::make(x, y, t, h, CellKind::Highlight));
    out.push_back(CellInstance::make(x + w - t, y, t, h, CellKind::Highlight));
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
    const float inner = pitch - line;
    for (int row = 0; row < grid.rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            const float x = px + col * pitch + line, y = py + row * pitch + line;
            switch (grid.state(row, col)) {
                case CellState::Padding:
                    out.push_back(CellInstance::make(x, y, inner, inner, CellKind::Padding));
                    break;
                case CellState::Pending:
                case CellState::Empty:
                    out.push_back(CellInstance::make(x, y, inner, inner, CellKind::Blank));
                    break;
                case CellState::Value: {
                    const auto [map, shade] = scale.shade(grid.value(row, col));
                    out.push_back(
                        CellInstance::make(x, y, inner, inner, CellKind::Value, map, shade));
                    break;
                }
            }
            if (grid.is_marked(row, col)) {
                // An inset ring: "this one" (the max, a lit field, a shared weight).
                const float t = std::max(2.0f, std::round(pitch / 11.0f));
                add_ring(x + t * 0.5f, y + t * 0.5f, inner - t, inner - t, t, out);
            }
        }
    }
    // Outlines: bars centred on the grid lines around each span.
    const float t = static_cast<float>(at.outline);
    const float shift = static_cast<float>((at.outline - at.line) / 2);
    for (const CellSpan& span : grid.outlines) {
        if (span.empty()) continue;
        add_ring(px + span.col * pitch - shift, py + span.row * pitch - shift,
                 span.cols * pitch + t, span.rows * pitch + t, t, out);
    }
}

// A strip from the lowest to the highest value with the ends labelled.
constexpr int kLegendSwatches = 24;

void add_legend_cells(const ColourScale& scale, float x, float y, float width, float height,
                      std::vector<gl::CellInstance>& out) {
    const float step = width / kLegendSwatches;
    for (int i = 0; i < kLegendSwatches; ++i) {
        const float t = (static_cast<float>(i) + 0.5f) / kLegendSwatches;
        const float value =
            scale.is_signed ? (2 * t - 1) * std::max(std::fabs(scale.low), std::fabs(scale.high))
                            : scale.low + t * (scale.high - scale.low);
        const auto [map, shade] = scale.shade(value);
        out.push_back(gl::CellInstance::make(
            std::round(x + i * step), y, std::round(x + (i + 1) * step) - std::round(x + i * step),
            height, gl::CellKind::Value, map, shade));
    }
}

// ---- text --------------------------------------------------------------------------

void add_grid_numbers(ImDrawList* list, const GridView& grid, const GridPixels& at,
                      float number_size, const UiMetrics& metrics) {
    if (!grid.show_numbers) return;
    const ColourScale scale = ColourScale::of(grid);
    ImFont* font = metrics.fonts->number();
    const float inner = static_cast<float>(at.pitch - at.line) / at.scale;
    for (int row = 0; row < grid.rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            const CellState state = grid.state(row, col);
            if (state == CellState::Pending || state == CellState::Empty) continue;
            const std::string text = value_text(grid.value(row, col), metrics);
            // Long numbers (-0.125) shrink to fit their cell.
            float size = number_size;
            const float width = text_size(font, size, text).x;
            if (width > 0.84f * inner) size *= 0.84f * inner / width;
            ImU32 colour = kPaddingInk;
            if (state == CellState::Value) {
                const auto [map, shade] = scale.shade(grid.value(row, col));
                colour = gl::luminance(gl::map_colour(map, shade)) > 0.42f ? kInk : IM_COL32_WHITE;
            }
            text_centred(list, font, size, at.cell_centre(row, col), colour, text);
        }
    }
}

}  // namespace

// ---- drawing -----------------------------------------------------------------------

BoardResult draw_board(const Board& board, ImDrawList* list, ImVec2 position, ImVec2 size,
                       const UiMetrics& metrics, GridLayer& grid_layer) {
    BoardResult result;
    if (board.empty() || size.x <= 0 || size.y <= 0) return result;
    const float width = board.right() - board.left(), height = board.bottom() - board.top();
    float cell = std::min(size.x / std::max(width, 1.0f), size.y / std::max(height, 1.0f));
    cell = std::floor(std::clamp(cell, metrics.px(8), metrics.px(120)));
    const ImVec2 origin(
        std::round(position.x + (size.x - width * cell) * 0.5f - board.left() * cell),
        std::round(position.y + (size.y - height * cell) * 0.5f - board.top() * cell));
    auto at = [&](float x, float y) { return ImVec2(origin.x + x * cell, origin.y + y * cell); };

    const Fonts& fonts = *metrics.fonts;
    const float text_scale = metrics.text_scale;
    // Titles never drop below the explanation's size: small cells shrink only numbers.
    const float heading = std::max(fonts.sizes().body, 0.30f * cell * text_scale);
    // Numbers are what students read off the grids: nearly half the cell (a projector
    // at the back of a room needs it), shrunk per cell only when a number is long.
    const float number = std::min(0.48f * cell * text_scale, 0.62f * cell);
    result.fonts = {heading, number};
    result.cell = cell;
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x;

    // Cells of every grid in one GL batch, then the text on top.
    std::vector<GridPixels> placed;
    std::vector<gl::CellInstance> cells;
    for (const Board::PlacedGrid& item : board.grids()) {
        placed.push_back(place_grid(at(item.x, item.y), cell * item.scale, scale));
        add_grid_cells(item.grid, placed.back(), cells);
        const ColourScale colour_scale = ColourScale::of(item.grid);
        if (item.with_legend && colour_scale.has_legend()) {
            const float legend_width = std::max(static_cast<float>(item.grid.cols), 3.0f) * cell;
            const ImVec2 left = at(item.x + item.grid.cols * 0.5f, item.y + item.grid.rows + 0.25f);
            add_legend_cells(colour_scale, std::round((left.x - legend_width * 0.5f) * scale),
                             std::round(left.y * scale), legend_width * scale,
                             std::round(0.28f * cell * scale), cells);
        }
    }
    grid_layer.add(list, std::move(cells), std::max(6.0f, cell * scale / 6.0f));

    for (size_t i = 0; i < board.grids().size(); ++i) {
        const Board::PlacedGrid& item = board.grids()[i];
        const GridView& grid = item.grid;
        add_grid_numbers(list, grid, placed[i], number, metrics);
        const float grid_width = placed[i].width(grid) / scale;
        const ImVec2 top_left = at(item.x, item.y);
        if (!grid.title.empty()) {
            // Titles may reach a little past narrow grids, then shrink. A thumbnail's
            // title is small, like the thumbnail.
            const float room = std::max(grid_width + 2.2f * cell, 3.0f * cell);
            const float title_size = item.scale < 1 ? heading * 0.8f : heading;
            draw_line_centred(list, fonts.heading(), title_size, room,
                              ImVec2(top_left.x + grid_width * 0.5f,
                                     top_left.y - kLabelHeight * cell * 0.5f - title_size * 0.6f),
                              {{grid.title, role_ink(grid.role)}});
        }
        const ColourScale colour_scale = ColourScale::of(grid);
        if (item.with_legend && colour_scale.has_legend()) {
            const float legend_width = std::max(static_cast<float>(grid.cols), 3.0f) * cell;
            const float centre = top_left.x + grid.cols * cell * 0.5f;
            const float y = top_left.y + (grid.rows + 0.6f) * cell;
            const float small = heading * 0.8f;
            const std::string low = value_text(
                colour_scale.is_signed
                    ? -std::max(std::fabs(colour_scale.low), std::fabs(colour_scale.high))
                    : colour_scale.low,
                metrics);
            const std::string high =
                value_text(colour_scale.is_signed
                               ? std::max(std::fabs(colour_scale.low), std::fabs(colour_scale.high))
                               : colour_scale.high,
                           metrics);
            list->AddText(fonts.heading(), small, ImVec2(centre - legend_width * 0.5f, y),
                          kMutedInk, low.c_str());
            list->AddText(
                fonts.heading(), small,
                ImVec2(centre + legend_width * 0.5f - text_size(fonts.heading(), small, high).x, y),
                kMutedInk, high.c_str());
            if (colour_scale.is_signed) {
                text_centred(list, fonts.heading(), small, ImVec2(centre, y + small * 0.5f),
                             kMutedInk, "0");
            }
        }
    }
    for (const Board::PlacedText& text : board.texts()) {
        ImFont* font = fonts.heading();
        float text_size_px = heading;
        if (text.style == TextStyle::Operator) {
            font = fonts.number();
            text_size_px = number * 1.3f;
        } else if (text.style == TextStyle::Small) {
            text_size_px = heading * 0.85f;
        }
        const ImVec2 centre = at(text.x, text.y);
        draw_line_centred(list, font, text_size_px, text.max_width * cell,
                          ImVec2(centre.x, centre.y - text_size_px * 0.6f), text.line);
    }

    // A click on a clickable grid's cell.
    if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        for (size_t i = 0; i < board.grids().size(); ++i) {
            const Board::PlacedGrid& item = board.grids()[i];
            int row = 0, col = 0;
            if (item.target.kind == ClickTarget::Kind::None) continue;
            if (!placed[i].cell_at(mouse, item.grid, &row, &col)) continue;
            row -= item.target.row_offset;
            col -= item.target.col_offset;
            result.click = BoardClick{item.target, row, col};
        }
    }
    return result;
}

}  // namespace convscope
