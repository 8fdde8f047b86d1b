// A typed path with a "..." button beside it: typing stays possible, the button asks
// for the desktop's chooser (or the in-app browser) for `purpose`.
#pragma once

#include <optional>
#include <string>

#include "app/model/app_state.hpp"

namespace convscope {

struct PathFieldResult {
    std::optional<std::string> edited;  // the new text, when typed this frame
    bool entered = false;               // Enter was hit in the field
};

// `width` for the field and the button together (-1: the rest of the line). The "..."
// button is disabled while a chooser is already open.
PathFieldResult path_field(const char* id, const std::string& value, const char* hint, float width,
                           FilePurpose purpose, const AppState& state, Actions& actions);

}  // namespace convscope
