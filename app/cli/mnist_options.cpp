#include "app/cli/mnist_options.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include "core/check.hpp"

namespace convscope {

namespace {

bool is_folder(const std::string& path) {
    struct stat info;
    return stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

std::string executable_folder() {
    char path[4096];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0) return ".";
    std::string text(path, static_cast<std::size_t>(length));
    return text.substr(0, text.find_last_of('/'));
}

}  // namespace

std::string mnist_folder_option(const ParsedArguments& args) {
    if (auto folder = args.value("data")) return *folder;
    // build/app/convscope reaches the source tree's assets two folders up.
    std::string folder = executable_folder();
    for (int up = 0; up < 4; ++up) {
        if (is_folder(folder + "/assets/mnist")) return folder + "/assets/mnist";
        folder += "/..";
    }
    if (is_folder("assets/mnist")) return "assets/mnist";
    throw InputError("the bundled MNIST subset (assets/mnist) was not found: pass --data DIR");
}

int threads_option(const ParsedArguments& args) {
    if (auto text = args.value("threads")) return parse_int(*text, "--threads", 1, 256);
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace convscope
