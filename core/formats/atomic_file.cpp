#include "core/formats/atomic_file.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// errno as text, for the stream failures that set it (open, write, close).
std::string errno_text(int code) {
    return code != 0 ? std::strerror(code) : "the write failed";
}

}  // namespace

std::string temporary_path_for(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    return path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

void write_file_atomically(const std::string& path, const std::string& bytes,
                           const std::string& what) {
    write_file_atomically(path, bytes, Message::verbatim(what));
}

void write_file_atomically(const std::string& path, const std::string& bytes, const Message& what) {
    const std::string temporary = temporary_path_for(path);
    const auto fail = [&](const std::string& reason) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw InputError(Message("cannot write {what} '{path}': {reason}",
                                 {{"what", what}, {"path", path}, {"reason", reason}}));
    };
    {
        errno = 0;
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) fail(errno_text(errno));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        out.close();  // close flushes what the stream still buffers: check after it
        if (!out) fail(errno_text(errno));
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) fail(error.message());
}

}  // namespace convscope
