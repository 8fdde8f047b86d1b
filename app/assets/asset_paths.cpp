#include "app/assets/asset_paths.hpp"

#include <unistd.h>

#include <filesystem>
#include <vector>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

std::string executable_folder() {
    char path[4096];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0) return ".";
    std::string text(path, static_cast<std::size_t>(length));
    return text.substr(0, text.find_last_of('/'));
}

std::vector<std::string> asset_folders() {
    std::vector<std::string> folders;
    // An installed P/bin/convscope finds P/share/convscope/assets first, so it never reads
    // the source tree it was built from. build/app/convscope reaches the source tree's
    // assets two folders up; a copied binary finds them beside itself.
    std::string folder = executable_folder();
    folders.push_back(folder + "/../share/convscope/assets");
    for (int up = 0; up < 4; ++up) {
        folders.push_back(folder + "/assets");
        folder += "/..";
    }
#ifdef CONVSCOPE_ASSET_DIR
    folders.push_back(CONVSCOPE_ASSET_DIR);
#endif
    folders.push_back("assets");
    return folders;
}

}  // namespace

std::string find_asset(const std::string& relative) {
    std::error_code error;
    for (const std::string& folder : asset_folders()) {
        const std::string candidate = folder + "/" + relative;
        if (std::filesystem::exists(candidate, error)) return candidate;
    }
    return "";
}

std::string pretrained_weights_path() {
    const std::string path = find_asset("weights/simpleconvnet.weights");
    if (path.empty()) {
        throw InputError(
            "the pretrained weights (assets/weights/simpleconvnet.weights) were not found: pass "
            "--weights FILE (make one with `convscope train --out FILE`)");
    }
    return path;
}

}  // namespace convscope
