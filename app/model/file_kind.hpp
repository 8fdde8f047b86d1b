// The kinds of file the window opens or writes, and how a path is recognised: by its
// first bytes where the format has a signature, else by its extension (ONNX has no
// signature a few bytes can tell; a lesson file is JSON naming its format).
#pragma once

#include <string>
#include <vector>

namespace convscope {

enum class FileKind { Image, IdxData, Weights, Onnx, Lesson, Npy, Export, Unknown };

// The key of AppState::last_folders ("image", "idx", "weights", "onnx", "lesson", "npy",
// "export"; "unknown").
const char* file_kind_id(FileKind kind);
// The English name of the kind, for messages and the browser's filter (translated where shown).
const char* file_kind_name(FileKind kind);
// Lower-case extensions with their dot (".png", ...); IdxData lists the IDX files' own
// endings. Empty for Unknown.
const std::vector<std::string>& file_kind_extensions(FileKind kind);
// Whether `name` ends in one of the kind's extensions (any case).
bool has_kind_extension(FileKind kind, const std::string& name);

// The kind of a file from its name and its first bytes (`head`: up to kSniffBytes).
// Signatures win over extensions: a PNG named x.bin is an image, a text file named
// x.png is Unknown. Never Export (that is a purpose, not something to open).
constexpr std::size_t kSniffBytes = 512;
FileKind sniff_file_kind(const std::string& name, const std::string& head);

// The kind of what is at `path`: a folder holding the MNIST IDX files is IdxData, any
// other folder Unknown; a file is read for its first bytes (Unknown when unreadable).
FileKind detect_file_kind(const std::string& path);

// Whether `folder` holds the four MNIST IDX files (each may end in .gz).
bool is_idx_folder(const std::string& folder);

}  // namespace convscope
