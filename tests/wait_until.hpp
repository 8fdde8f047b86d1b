// Waits on a condition instead of sleeping and asserting: a test that needs another
// thread to have done something polls for it. The deadline is generous (a hang
// detector, not a speed check), so a slow or busy machine never fails the test.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

namespace convscope::testing {

// Polls `holds()` every 2 ms until it returns true. After `seconds` without that, fails
// the test case with `describe()` (what was awaited and what was seen instead).
template <typename Holds, typename Describe>
void wait_until(Holds&& holds, Describe&& describe, double seconds = 120) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!holds()) {
        if (std::chrono::steady_clock::now() > deadline) {
            FAIL("gave up after " << seconds << " s waiting for " << describe());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

}  // namespace convscope::testing
