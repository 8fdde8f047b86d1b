// Sections:
//   ink         role colours for text, value text, centred lines
//   the board   adding elements, extent in cell units
//   text        numbers in the cells (titles, legends and free text are drawn below)
//   drawing     fit, draw, clicks
#include "app/widgets/board.hpp"

#include <algorithm>
#include <cmath>

#include "app/widgets/board_cells.hpp"
#include "app/widgets/signal_plot_view.hpp"
#include "core/formats/nested_array.hpp"

namespace convscope {

// ---- ink ---------------------------------------------------------------------------

Ink::operator ImU32() const {
    const Palette& palette = current_palette();
    switch (role) {
        case Role::Muted:
            return to_imgui(palette.muted_ink);
        case Role::Padding:
            return to_imgui(palette.padding_ink);
        case Role::Error:
            return to_imgui(palette.error_ink);
        case Role::Main:
            break;
    }
    return to_imgui(palette.ink);
}

namespace {

// Numbers on a cell: dark on light cells, white on deep ones, in either theme.
constexpr ImU32 kInkOnLightCell = IM_COL32(28, 32, 40, 255);

ImVec2 text_size(ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
}

void text_centred(Canvas& canvas, ImFont* font, float size, ImVec2 centre, ImU32 colour,
                  const std::string& text) {
    const ImVec2 extent = text_size(font, size, text);
    canvas.text(
        font, size,
        ImVec2(std::round(centre.x - extent.x * 0.5f), std::round(centre.y - extent.y * 0.5f)),
        colour, text);
}

}  // namespace

ImU32 role_ink(GridRole role) {
    return to_imgui(gl::role_text_colour(role_palette(role)));
}

ImU32 highlight_ink() {
    return to_imgui(current_palette().highlight);
}

std::string value_text(float value, const UiMetrics& metrics) {
    std::string text = number_text(value);
    if (!text.empty() && text[0] == '-' && metrics.fonts->has_math_glyphs()) {
        text = "\u2212" + text.substr(1);
    }
    return text;
}

void draw_line_centred(Canvas& canvas, ImFont* font, float size, float max_width, ImVec2 centre_top,
                       const TextLine& line) {
    float width = 0;
    for (const TextSpan& span : line) width += text_size(font, size, span.text).x;
    if (width > max_width && width > 0) {
        size *= max_width / width;
        width = max_width;
    }
    ImVec2 at(std::round(centre_top.x - width * 0.5f), std::round(centre_top.y));
    for (const TextSpan& span : line) {
        canvas.text(font, size, at, span.colour, span.text);
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

void Board::add_plot(SignalPlot plot, GridRole role, float x, float y, float rows) {
    extend(x, y, x + static_cast<float>(plot.columns), y + rows);
    plots_.push_back({std::move(plot), role, x, y, rows});
}

void Board::add_text(TextLine line, float x, float y, float max_width, TextStyle style) {
    extend(x - max_width * 0.5f, y - 0.4f, x + max_width * 0.5f, y + 0.4f);
    texts_.push_back({std::move(line), x, y, max_width, style});
}

namespace {

// ---- text --------------------------------------------------------------------------

void add_grid_numbers(Canvas& canvas, const GridView& grid, const GridPixels& at, float number_size,
                      const UiMetrics& metrics) {
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
                colour = gl::luminance(gl::map_colour(map, shade)) > 0.42f ? kInkOnLightCell
                                                                           : IM_COL32_WHITE;
            }
            text_centred(canvas, font, size, at.cell_centre(row, col), colour, text);
        }
    }
}

}  // namespace

// ---- drawing -----------------------------------------------------------------------

BoardResult draw_board(const Board& board, Canvas& canvas, ImVec2 position, ImVec2 size,
                       const UiMetrics& metrics) {
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
    canvas.cells(std::move(cells), std::max(6.0f, cell * scale / 6.0f));

    for (size_t i = 0; i < board.grids().size(); ++i) {
        const Board::PlacedGrid& item = board.grids()[i];
        const GridView& grid = item.grid;
        add_grid_numbers(canvas, grid, placed[i], number, metrics);
        const float grid_width = placed[i].width(grid) / scale;
        const ImVec2 top_left = at(item.x, item.y);
        if (!grid.title.empty()) {
            // Titles may reach a little past narrow grids, then shrink. A thumbnail's
            // title is small, like the thumbnail.
            const float room = std::max(grid_width + 2.2f * cell, 3.0f * cell);
            const float title_size = item.scale < 1 ? heading * 0.8f : heading;
            draw_line_centred(canvas, fonts.heading(), title_size, room,
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
            canvas.text(fonts.heading(), small, ImVec2(centre - legend_width * 0.5f, y), kMutedInk,
                        low);
            canvas.text(
                fonts.heading(), small,
                ImVec2(centre + legend_width * 0.5f - text_size(fonts.heading(), small, high).x, y),
                kMutedInk, high);
            if (colour_scale.is_signed) {
                text_centred(canvas, fonts.heading(), small, ImVec2(centre, y + small * 0.5f),
                             kMutedInk, "0");
            }
        }
    }
    for (const Board::PlacedPlot& item : board.plots()) {
        draw_signal_plot(canvas, item.plot, at(item.x, item.y), cell, item.rows * cell,
                         {role_ink(item.role), highlight_ink(), kMutedInk});
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
        draw_line_centred(canvas, font, text_size_px, text.max_width * cell,
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
