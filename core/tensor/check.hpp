// Always-on invariant checks and the typed error for bad user input.
//
// CS_CHECK guards invariants of our own code: a failure is a bug, so it aborts
// with file and line even in Release builds. InputError is for values that come
// from outside (command lines, files, GUI fields): its message names the value
// and the bound it breaks, and callers show it to the user. Errors the window can show
// carry a Message (an English template and its values) so the window can translate
// them; what() is always the English text, as the CLI prints it.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "core/tensor/message.hpp"

namespace convscope {

class InputError : public std::runtime_error {
  public:
    explicit InputError(const std::string& text)
        : std::runtime_error(text),
          message_(std::make_shared<const Message>(Message::verbatim(text))) {}
    explicit InputError(Message message)
        : std::runtime_error(message.english()),
          message_(std::make_shared<const Message>(std::move(message))) {}

    // The translatable form; a plain-string error's is verbatim (english_template() is
    // its text, never translated). Shared, so copying the exception cannot throw.
    const Message& message() const { return *message_; }

  private:
    std::shared_ptr<const Message> message_;
};

[[noreturn]] void check_failed(const char* condition, const char* file, int line);

}  // namespace convscope

#define CS_CHECK(condition) \
    ((condition) ? (void)0 : ::convscope::check_failed(#condition, __FILE__, __LINE__))
