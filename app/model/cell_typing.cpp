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

}  // namespace

CellRef next_cell(const Playground& playground, const CellRef& cell) {
    if (!holds_cell(playground, cell)) return cell;
    CellRef next = cell;
    if (++next.x >= cell_cols(playground, cell)) {
        next.x = 0;
        if (++next.y >= cell_rows(playground, cell)) next.y = 0;
    }
    return next;
}

std::optional<PlaygroundSetup> apply_typing(const TypingActions& actions,
                                            const Playground& playground, CellRef& selected,
                                            std::string& typed) {
    if (!holds_cell(playground, selected)) {
        typed.clear();
        return std::nullopt;
    }
    for (char ch : actions.type) {
        const bool allowed = (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
        if (allowed && typed.size() < kMaxTyped) typed.push_back(ch);
    }
    for (int i = 0; i < actions.erase && !typed.empty(); ++i) typed.pop_back();
    if (!actions.set && !actions.next) return std::nullopt;
    std::optional<PlaygroundSetup> edited;
    if (const std::optional<float> value = typed_number(typed))
        edited = with_cell_value(playground, selected, *value);
    typed.clear();
    if (actions.next) selected = next_cell(playground, selected);
    return edited;
}

}  // namespace convscope
