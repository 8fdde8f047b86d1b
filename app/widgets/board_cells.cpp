// Sections:
//   colours   value -> colour map and shade
//   cells     GL instances for cells, grid lines, outlines and marks, snapped to pixels
//   legend    the strip of colours under a grid
#include "app/widgets/board_cells.hpp"

#include <algorithm>
#include <cmath>

namespace convscope {

// ---- colours -----------------------------------------------------------------------

gl::CellPalette role_palette(GridRole role) {
    switch (role) {
        case GridRole::Input:
            return gl::CellPalette::Input;
        case GridRole::Kernel:
            return gl::CellPalette::Kernel;
        case GridRole::Output:
            return gl::CellPalette::Output;
    }
    return gl::CellPalette::Input;
}

ColourScale ColourScale::of(const GridView& grid) {
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

std::pair<gl::CellPalette, float> ColourScale::shade(float value) const {
    if (shading == GridShading::Flat) return {role_palette(role), 0.45f};
    const gl::CellPalette map =
        shading == GridShading::Heat ? gl::CellPalette::Heat : role_palette(role);
    if (is_signed) {
        const float reach = std::max(std::fabs(low), std::fabs(high));
        const float t = reach > 0 ? value / reach : 0.0f;
        return t < 0 ? std::make_pair(gl::CellPalette::NegativeValues, -t) : std::make_pair(map, t);
    }
    const float t = high > low ? (value - low) / (high - low) : 0.5f;
    return {map, t};
}

// ---- cells -------------------------------------------------------------------------

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

namespace {

// Four bars of thickness t inside the rectangle (x, y, w, h).
void add_ring(float x, float y, float w, float h, float t, std::vector<gl::CellInstance>& out) {
    using gl::CellInstance;
    using gl::CellKind;
    out.push_back(CellInstance::make(x, y, w, t, CellKind::Highlight));
    out.push_back(CellInstance::make(x, y + h - t, w, t, CellKind::Highlight));
    out.push_back(CellInstance::make(x, y, t, h, CellKind::Highlight));
    out.push_back(CellInstance::make(x + w - t, y, t, h, CellKind::Highlight));
}

}  // namespace

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

// ---- legend ------------------------------------------------------------------------

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

}  // namespace convscope
