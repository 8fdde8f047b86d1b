// A fresh folder under /tmp for a test's files, removed with everything in it.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/tensor/check.hpp"

namespace convscope::testing {

class TempFolder {
  public:
    TempFolder() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "convscope-test-XXXXXX").string();
        CS_CHECK(mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempFolder() { std::filesystem::remove_all(path_); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

// The message of the InputError `action` throws, or "" if it throws none.
template <typename Action>
std::string input_error_of(Action&& action) {
    try {
        action();
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}

}  // namespace convscope::testing
