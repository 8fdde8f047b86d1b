#include "core/formats/staged_folder.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "core/tensor/check.hpp"

namespace convscope {

namespace fs = std::filesystem;

StagedFolder::StagedFolder(const std::string& target) : target_(target) {
    static std::atomic<unsigned> counter{0};
    staging_ = (fs::path(target) /
                (".staging-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                   .string();
    std::error_code error;
    fs::create_directories(staging_, error);
    if (error) {
        throw InputError("cannot create the folder '" + target + "': " + error.message());
    }
}

StagedFolder::~StagedFolder() {
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
}

std::string StagedFolder::path(const std::string& name) {
    names_.push_back(name);
    return (fs::path(staging_) / name).string();
}

void StagedFolder::commit() {
    const auto fail = [&](const std::string& name, const std::string& reason) {
        throw InputError("cannot write '" + (fs::path(target_) / name).string() + "': " + reason);
    };
    std::error_code error;
    // Checked first, so the common failure (a folder where a picture should go) moves nothing.
    for (const std::string& name : names_) {
        if (fs::is_directory(fs::path(target_) / name, error))
            fail(name, "a folder has that name: remove or rename it");
    }
    std::vector<std::string> moved;
    for (const std::string& name : names_) {
        fs::rename(fs::path(staging_) / name, fs::path(target_) / name, error);
        if (error) {
            std::error_code ignored;
            for (const std::string& done : moved) fs::remove(fs::path(target_) / done, ignored);
            fail(name, error.message());
        }
        moved.push_back(name);
    }
}

}  // namespace convscope
