#include "app/boards/restyled_board.hpp"

namespace convscope {

Board restyled(const Board& board, const std::function<bool(Board::PlacedGrid&)>& change) {
    Board out;
    for (Board::PlacedGrid placed : board.grids()) {
        if (!change(placed)) continue;
        if (placed.scale < 1.0f) {
            out.add_thumbnail(std::move(placed.grid), placed.x, placed.y, placed.scale);
        } else {
            out.add_grid(std::move(placed.grid), placed.x, placed.y, placed.target,
                         placed.with_legend);
        }
    }
    for (const Board::PlacedText& text : board.texts())
        out.add_text(text.line, text.x, text.y, text.max_width, text.style);
    return out;
}

}  // namespace convscope
