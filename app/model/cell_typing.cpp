#include "app/model/cell_typing.hpp"

#include "app/model/quiz_state.hpp"

namespace convscope {

namespace {

constexpr std::size_t kMaxTyped = 12;

int cell_rows(const Playground& playground, const CellRef& cell) {
    return cell.tensor == CellRef::Tensor::Input ? playground.input.dim(2)
                                                 : playground.kernel.dim(2);
}

int cell_cols(const Playground& playground, const CellRef& cell) {
    return cell.tensor == CellRef::Tensor::Input ? playground.input.dim(3)
                                                 : playground.kernel.dim(3);
}

// The next column, then the next row, wrapping to the first cell.
void move_on(CellRef& cell, int rows, int cols) {
    if (++cell.x >= cols) {
        cell.x = 0;
        if (++cell.y >= rows) cell.y = 0;
    }
}

// Keys into `typed`; on Enter or Tab the number typed (if it is one), and `typed` cleared.
std::optional<float> take_typed(const TypingActions& actions, std::string& typed) {
    for (char ch : actions.type) {
        const bool allowed = (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
        if (allowed && typed.size() < kMaxTyped) typed.push_back(ch);
    }
    for (int i = 0; i < actions.erase && !typed.empty(); ++i) typed.pop_back();
    if (!actions.set && !actions.next) return std::nullopt;
    const std::optional<float> value = typed_number(typed);
    typed.clear();
    return value;
}

}  // namespace

CellRef next_cell(const Playground& playground, const CellRef& cell) {
    if (!holds_cell(playground, cell)) return cell;
    CellRef next = cell;
    move_on(next, cell_rows(playground, cell), cell_cols(playground, cell));
    return next;
}

std::optional<PlaygroundSetup> apply_typing(const TypingActions& actions,
                                            const Playground& playground, CellRef& selected,
                                            std::string& typed) {
    if (!holds_cell(playground, selected)) {
        typed.clear();
        return std::nullopt;
    }
    const bool done = actions.set || actions.next;
    const std::optional<float> value = take_typed(actions, typed);
    if (!done) return std::nullopt;
    std::optional<PlaygroundSetup> edited;
    if (value) edited = with_cell_value(playground, selected, *value);
    if (actions.next) selected = next_cell(playground, selected);
    return edited;
}

std::optional<Tensor> apply_grad_typing(const TypingActions& actions, const LessonScene& scene,
                                        CellRef& selected, std::string& typed) {
    if (!holds_grad_cell(scene, selected)) {
        typed.clear();
        return std::nullopt;
    }
    const bool done = actions.set || actions.next;
    const std::optional<float> value = take_typed(actions, typed);
    if (!done) return std::nullopt;
    std::optional<Tensor> edited;
    if (value) edited = with_grad_value(scene, selected, *value);
    const Tensor& grad_output = *shown_grad_output(scene);
    if (actions.next) move_on(selected, grad_output.dim(2), grad_output.dim(3));
    return edited;
}

}  // namespace convscope
