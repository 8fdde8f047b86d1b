#include "app/cli/mnist_options.hpp"

#include <thread>

#include "app/assets/asset_paths.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

std::string mnist_folder_option(const ParsedArguments& args) {
    if (auto folder = args.value("data")) return *folder;
    const std::string bundled = find_asset("mnist");
    if (!bundled.empty()) return bundled;
    throw InputError("the bundled MNIST subset (assets/mnist) was not found: pass --data DIR");
}

int threads_option(const ParsedArguments& args) {
    if (auto text = args.value("threads")) return parse_int(*text, "--threads", 1, 256);
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace convscope
