// The keys that type a value into the selected cell (app/model/cell_typing.hpp applies
// them): digits, '-' and '.', Backspace, Enter to set the value, Tab to set it and move on.
#pragma once

#include <string>

namespace convscope {

struct TypingActions {
    std::string type;   // characters typed (digits, '-', '.')
    int erase = 0;      // Backspace presses
    bool set = false;   // Enter
    bool next = false;  // Tab

    void merge(const TypingActions& other) {
        type += other.type;
        erase += other.erase;
        set |= other.set;
        next |= other.next;
    }
};

}  // namespace convscope
