// Core's messages (InputError::message()) in the window's language: the template
// through tr(), its values filled in, word values translated too. The CLI prints
// what() instead, always English.
#pragma once

#include <string>

#include "core/tensor/message.hpp"

namespace convscope {

// `message` in the language on screen; a verbatim message as it is.
std::string shown_text(const Message& message);

}  // namespace convscope
