// The in-app file browser's model, for desktops without zenity or kdialog: one folder's
// entries (sub-folders first, then files of the wanted kind, each group by name without
// regard to case, hidden entries left out), the way up, and the path a typed name means.
#pragma once

#include <string>
#include <vector>

#include "app/model/file_kind.hpp"
#include "app/model/file_request.hpp"

namespace convscope {

struct BrowserEntry {
    std::string name;
    bool folder = false;
    bool operator==(const BrowserEntry& o) const { return name == o.name && folder == o.folder; }
};

// `filter` Unknown lists every file. Hidden entries (".name") are left out. An unreadable
// folder gives no entries and `error` says why.
std::vector<BrowserEntry> list_folder(const std::string& folder, FileKind filter,
                                      std::string* error);

// Sub-folders first, then by name ignoring case (then by bytes, so the order is total).
void sort_entries(std::vector<BrowserEntry>& entries);

// "/a/b" -> "/a"; "/" stays "/".
std::string parent_folder(const std::string& folder);

// What a typed `text` means in `folder`: absolute as typed, "~/x" in $HOME, else
// folder/text; normalised ("a/../b" -> "b").
std::string resolve_typed_path(const std::string& folder, const std::string& text);

struct FileBrowserState {
    bool open = false;
    FilePurpose purpose = FilePurpose::OpenAny;
    std::string folder;  // absolute
    FileKind filter = FileKind::Unknown;
    std::vector<BrowserEntry> entries;
    std::string error;  // why `folder` could not be listed
    std::string name;   // the typed file name or path
};

// Opens the browser on `folder` for `purpose`, listing it.
void open_browser(FileBrowserState& browser, FilePurpose purpose, const std::string& folder);
// Lists `folder` (after resolve_typed_path) with the current filter.
void browse_to(FileBrowserState& browser, const std::string& folder);

}  // namespace convscope
