// Always-on invariant checks and the typed error for bad user input.
//
// CS_CHECK guards invariants of our own code: a failure is a bug, so it aborts
// with file and line even in Release builds. InputError is for values that come
// from outside (command lines, files, GUI fields): its message names the value
// and the bound it breaks, and callers show it to the user.
#pragma once

#include <stdexcept>
#include <string>

namespace convscope {

class InputError : public std::runtime_error {
  public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

[[noreturn]] void check_failed(const char* condition, const char* file, int line);

}  // namespace convscope

#define CS_CHECK(condition) \
    ((condition) ? (void)0 : ::convscope::check_failed(#condition, __FILE__, __LINE__))
