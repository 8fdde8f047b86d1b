// Files written whole or not at all, so a reader (a viewer, a test, the next run) never
// sees half a PNG or half a weights file, and a failed save keeps the old file.
#pragma once

#include <string>

#include "core/tensor/message.hpp"

namespace convscope {

// Writes `bytes` to a temporary file beside `path` (the same folder, so the rename stays
// on one file system), flushes and checks it, then std::filesystem::rename moves it over
// `path` in one step. On any failure the temporary is removed, an existing `path` is left
// as it was, and InputError says "cannot write <what> '<path>': <reason>".
void write_file_atomically(const std::string& path, const std::string& bytes,
                           const std::string& what);
// The same with `what` a translatable word (Message("lesson file")) for the window.
void write_file_atomically(const std::string& path, const std::string& bytes, const Message& what);

// The temporary write_file_atomically uses for `path`: "<path>.tmp<pid>-<n>", so two
// processes or threads saving the same file never write into each other's temporary.
std::string temporary_path_for(const std::string& path);

}  // namespace convscope
