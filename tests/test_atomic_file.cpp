// Atomic file writes: a target is replaced whole, and a write that fails (no folder,
// a folder in the way, the disk refusing more bytes half way) leaves the old file as it
// was and no temporary behind.
#include <doctest/doctest.h>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/formats/atomic_file.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::set<std::string> names_in(const std::string& folder) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.insert(entry.path().filename().string());
    return names;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Limits the size of any file this process writes, as a full disk would, for one scope.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &saved_);
        previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);  // fail the write, do not die
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        ok_ = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previous_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    bool ok() const { return ok_; }

  private:
    rlimit saved_{};
    void (*previous_handler_)(int) = SIG_DFL;
    bool ok_ = false;
};

}  // namespace

TEST_CASE("an existing target is replaced whole, with nothing left beside it") {
    TempFolder folder;
    const std::string path = folder.file("data.bin");
    write_file_atomically(path, std::string(5000, 'a'), "test file");
    CHECK(read_text(path) == std::string(5000, 'a'));
    write_file_atomically(path, "short", "test file");
    CHECK(read_text(path) == "short");  // no tail of the longer file
    CHECK(names_in(folder.path()) == std::set<std::string>{"data.bin"});
}

TEST_CASE("a missing folder is reported with the file's name and creates nothing") {
    TempFolder folder;
    const std::string path = folder.file("missing/data.bin");
    const std::string message =
        input_error_of([&] { write_file_atomically(path, "bytes", "test file"); });
    CHECK(contains(message, "cannot write test file '" + path + "'"));
    CHECK(names_in(folder.path()).empty());
}

TEST_CASE("a folder in the target's place fails the rename and the temporary is removed") {
    TempFolder folder;
    const std::string path = folder.file("taken");
    std::filesystem::create_directory(path);
    std::ofstream(path + "/inside") << "kept";
    const std::string message =
        input_error_of([&] { write_file_atomically(path, "bytes", "test file"); });
    CHECK(contains(message, path));
    CHECK(names_in(folder.path()) == std::set<std::string>{"taken"});
    CHECK(read_text(path + "/inside") == "kept");
}

TEST_CASE("a write refused half way keeps the old file and removes the temporary") {
    TempFolder folder;
    const std::string path = folder.file("data.bin");
    write_file_atomically(path, "old contents", "test file");
    std::string message;
    {
        FileSizeLimit limit(4096);
        REQUIRE(limit.ok());  // lowering a soft limit is always allowed
        message = input_error_of(
            [&] { write_file_atomically(path, std::string(1 << 20, 'x'), "test file"); });
    }
    CHECK(contains(message, "cannot write test file '" + path + "'"));
    CHECK(read_text(path) == "old contents");
    CHECK(names_in(folder.path()) == std::set<std::string>{"data.bin"});
}

TEST_CASE("each write has its own temporary beside the target") {
    const std::string first = temporary_path_for("/some/folder/a.png");
    const std::string second = temporary_path_for("/some/folder/a.png");
    CHECK(first != second);
    CHECK(std::filesystem::path(first).parent_path() == "/some/folder");
    CHECK(first.rfind("/some/folder/a.png.tmp", 0) == 0);
}
