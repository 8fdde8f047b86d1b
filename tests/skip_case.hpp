// A test case that cannot run on this machine (a CPU feature it lacks) says so instead
// of passing with no assertion: `if (!available) SKIP_TEST_CASE("no AVX2 on this CPU");`
// prints a marker that tests/CMakeLists.txt gives CTest as SKIP_REGULAR_EXPRESSION, so
// `ctest` lists the case as Skipped. doctest 2.4 has no skip decided at run time
// (its skip decorator leaves the case out of --list-test-cases, so CTest never sees it).
#pragma once

#include <doctest/doctest.h>

#include <string>

// The text CTest looks for; keep in step with tests/CMakeLists.txt.
#define CONVSCOPE_SKIP_MARKER "convscope-test-skipped:"

// Prints the marker with the reason and returns from the test case. Use it before any
// assertion: CTest reports a case whose output holds the marker as Skipped, whatever
// else it printed.
#define SKIP_TEST_CASE(reason)                                     \
    do {                                                           \
        MESSAGE(CONVSCOPE_SKIP_MARKER " " << std::string(reason)); \
        return;                                                    \
    } while (false)
