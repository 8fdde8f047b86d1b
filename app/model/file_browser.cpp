#include "app/model/file_browser.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace convscope {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

void sort_entries(std::vector<BrowserEntry>& entries) {
    std::sort(entries.begin(), entries.end(), [](const BrowserEntry& a, const BrowserEntry& b) {
        if (a.folder != b.folder) return a.folder;
        const std::string la = lower(a.name), lb = lower(b.name);
        return la != lb ? la < lb : a.name < b.name;
    });
}

std::vector<BrowserEntry> list_folder(const std::string& folder, FileKind filter,
                                      std::string* error) {
    std::vector<BrowserEntry> entries;
    std::error_code problem;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, problem);
    for (; !problem && it != fs::directory_iterator(); it.increment(problem)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code kind_error;
        const bool is_folder = it->is_directory(kind_error);
        if (!is_folder && filter != FileKind::Unknown && !has_kind_extension(filter, name))
            continue;
        entries.push_back({name, is_folder});
    }
    if (error != nullptr) *error = problem ? problem.message() : std::string();
    if (problem) entries.clear();
    sort_entries(entries);
    return entries;
}

std::string parent_folder(const std::string& folder) {
    const fs::path path = fs::path(folder).lexically_normal();
    const fs::path trimmed = path.has_filename() ? path : path.parent_path();
    const fs::path parent = trimmed.parent_path();
    return parent.empty() ? folder : parent.string();
}

std::string resolve_typed_path(const std::string& folder, const std::string& text) {
    fs::path path;
    if (text.rfind("~/", 0) == 0 || text == "~") {
        const char* home = std::getenv("HOME");
        path = fs::path(home != nullptr ? home : "/") /
               text.substr(std::min<std::size_t>(2, text.size()));
    } else if (!text.empty() && text[0] == '/') {
        path = text;
    } else {
        path = fs::path(folder) / text;
    }
    std::string normal = path.lexically_normal().string();
    // "/a/b/" -> "/a/b", but "/" stays.
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    return normal;
}

void browse_to(FileBrowserState& browser, const std::string& folder) {
    browser.folder = resolve_typed_path(browser.folder, folder);
    browser.entries = list_folder(browser.folder, browser.filter, &browser.error);
}

void open_browser(FileBrowserState& browser, FilePurpose purpose, const std::string& folder) {
    browser.open = true;
    browser.purpose = purpose;
    browser.filter =
        purpose_kind(purpose) == FileKind::IdxData ? FileKind::Unknown : purpose_kind(purpose);
    browser.name = suggested_file_name(purpose);
    browser.folder = folder;
    browse_to(browser, folder);
}

}  // namespace convscope
