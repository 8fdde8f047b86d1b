#include "core/tensor/check.hpp"

#include <cstdio>
#include <cstdlib>

namespace convscope {

void check_failed(const char* condition, const char* file, int line) {
    std::fprintf(stderr, "convscope: internal check failed: %s (%s:%d)\n", condition, file, line);
    std::abort();
}

}  // namespace convscope
