// A board: grids, short texts and colour legends laid out in cell units, then fitted
// into a rectangle and drawn (cells by our GL renderer, text by ImGui on top). Every
// lesson view composes one; the board picks the cell size, so one layout serves a
// 1280x720 laptop, a projector in presentation mode and a 4K screen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/gl/colour_maps.hpp"
#include "app/model/app_state.hpp"
#include "app/shell/ui_metrics.hpp"
#include "app/widgets/canvas.hpp"
#include "app/widgets/grid_view.hpp"
#include "app/widgets/palette_colours.hpp"
#include "core/lessons/signal_plot.hpp"
#include "imgui.h"

namespace convscope {

// ---- ink: the colours of text ------------------------------------------------------

// A text colour of the theme on screen (palette.hpp), taken where it is drawn.
struct Ink {
    enum class Role { Main, Muted, Padding, Error };
    Role role;
    operator ImU32() const;  // NOLINT: reads like the colour it names
};

constexpr Ink kInk{Ink::Role::Main};        // main text
constexpr Ink kMutedInk{Ink::Role::Muted};  // secondary text, operators
constexpr Ink kPaddingInk{Ink::Role::Padding};
constexpr Ink kErrorInk{Ink::Role::Error};

// Text naming a value of this role is written in the role's deepest tone.
ImU32 role_ink(GridRole role);
ImU32 highlight_ink();

// Core's shortest round-trip text, with a true minus sign when the font has one.
std::string value_text(float value, const UiMetrics& metrics);

// A run of text in one colour; a line is a sequence of them.
struct TextSpan {
    std::string text;
    ImU32 colour = kInk;
};
using TextLine = std::vector<TextSpan>;

// Draws `line` centred on `centre_top.x`, shrunk to `max_width` when longer.
void draw_line_centred(Canvas& canvas, ImFont* font, float size, float max_width, ImVec2 centre_top,
                       const TextLine& line);

// ---- the board --------------------------------------------------------------------

constexpr float kLabelHeight = 0.85f;   // cell units above a grid for its title
constexpr float kLegendHeight = 1.15f;  // cell units below a grid for its legend

// What a click on a grid's cell means; the row and column become tensor indices.
struct ClickTarget {
    enum class Kind { None, InputCell, KernelCell, FieldUnit, GradOutputCell };
    Kind kind = Kind::None;
    int i0 = 0, i1 = 0;                  // input: n, c; kernel: its first two indices; dL/dY: n, f
    int row_offset = 0, col_offset = 0;  // drawn row - offset = tensor row (padding ring)
};

struct BoardClick {
    ClickTarget target;
    int row = 0, col = 0;  // tensor coordinates
};

enum class TextStyle { Heading, Operator, Small };

class Board {
  public:
    // (x, y): the top-left of the cells in cell units; the title sits above in
    // kLabelHeight, and the legend (signed or heat grids only) below in kLegendHeight.
    void add_grid(GridView grid, float x, float y, ClickTarget target = {},
                  bool with_legend = false);
    // A small copy at `scale` of the board's cell (0.2..1): no numbers, no legend, not
    // clickable. For context beside the grids being explained (a batch's other items).
    void add_thumbnail(GridView grid, float x, float y, float scale);
    // A signal plot (signal_plot_view) one cell per column, `rows` cells tall, in the
    // ink of `role`; top-left at (x, y).
    void add_plot(SignalPlot plot, GridRole role, float x, float y, float rows);
    // Text centred on (x, y), shrunk to `max_width` cell units.
    void add_text(TextLine line, float x, float y, float max_width,
                  TextStyle style = TextStyle::Heading);

    struct PlacedGrid {
        GridView grid;
        float x = 0, y = 0;
        ClickTarget target;
        bool with_legend = false;
        float scale = 1;  // of the board's cell: below 1 for thumbnails
    };
    struct PlacedText {
        TextLine line;
        float x = 0, y = 0, max_width = 0;
        TextStyle style = TextStyle::Heading;
    };
    struct PlacedPlot {
        SignalPlot plot;
        GridRole role = GridRole::Input;
        float x = 0, y = 0, rows = 0;
    };
    const std::vector<PlacedGrid>& grids() const { return grids_; }
    const std::vector<PlacedPlot>& plots() const { return plots_; }
    // For views drawn over another's board (the quiz hides cells and grids).
    std::vector<PlacedGrid>& grids() { return grids_; }
    const std::vector<PlacedText>& texts() const { return texts_; }
    // The extent of everything, in cell units.
    float left() const { return left_; }
    float top() const { return top_; }
    float right() const { return right_; }
    float bottom() const { return bottom_; }
    bool empty() const { return grids_.empty() && texts_.empty() && plots_.empty(); }

  private:
    void extend(float left, float top, float right, float bottom);
    std::vector<PlacedGrid> grids_;
    std::vector<PlacedText> texts_;
    std::vector<PlacedPlot> plots_;
    float left_ = 0, top_ = 0, right_ = 0, bottom_ = 0;
    bool has_extent_ = false;
};

struct BoardResult {
    FontRequest fonts;  // the sizes this board's cells want baked
    std::optional<BoardClick> click;
    float cell = 0;  // logical pixels per cell
};

// Fits `board` into the rectangle (logical pixels), centred, and draws it.
BoardResult draw_board(const Board& board, Canvas& canvas, ImVec2 position, ImVec2 size,
                       const UiMetrics& metrics);

}  // namespace convscope
