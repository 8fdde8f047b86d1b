// Typing a value straight into the selected input, kernel or dL/dY cell: digits go where the eye
// is, without clicking the editor's field first. Enter sets the value, Tab sets it and
// moves to the next cell of the same slice (row by row, wrapping), Backspace erases.
#pragma once

#include <optional>
#include <string>

#include "app/model/lesson_scene.hpp"

namespace convscope {

// The cell after `cell` in its (i0, i1) slice: the next column, then the next row,
// wrapping to the first cell.
CellRef next_cell(const Playground& playground, const CellRef& cell);

// Applies the keys to `typed` (the text so far) and, on Enter or Tab, returns the setup
// with the number in the cell (nothing when the text is not a number) and clears `typed`;
// Tab also moves `selected` on.
std::optional<PlaygroundSetup> apply_typing(const TypingActions& actions,
                                            const Playground& playground, CellRef& selected,
                                            std::string& typed);

// The same for a dL/dY cell of the scene's backward figure: on Enter or Tab, returns
// dL/dY with the number in the cell; Tab moves on within the (n, f) slice.
std::optional<Tensor> apply_grad_typing(const TypingActions& actions, const LessonScene& scene,
                                        CellRef& selected, std::string& typed);

}  // namespace convscope
