// Sections: parsing .po text, the catalogue, folders, placeholders.
#include "app/model/catalogue.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/tensor/check.hpp"

namespace convscope {

// ---- parsing .po text --------------------------------------------------------------------

namespace {

std::string trimmed(const std::string& line) {
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    const std::size_t last = line.find_last_not_of(" \t\r");
    return line.substr(first, last - first + 1);
}

// The contents of a "..." literal with C escapes; throws a plain message on a bad one.
std::string unquoted(const std::string& literal) {
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"') {
        throw std::string("expected a \"quoted\" string, got " + literal);
    }
    std::string out;
    for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
        char c = literal[i];
        if (c == '"') throw std::string("an unescaped \" inside a string (write \\\")");
        if (c == '\\') {
            if (i + 2 >= literal.size()) throw std::string("a string ends in a lone backslash");
            switch (literal[++i]) {
                case 'n':
                    c = '\n';
                    break;
                case 't':
                    c = '\t';
                    break;
                case '"':
                    c = '"';
                    break;
                case '\\':
                    c = '\\';
                    break;
                default:
                    throw std::string("unknown escape \\") + literal[i];
            }
        }
        out += c;
    }
    return out;
}

}  // namespace

void Catalogue::add_po(const std::string& text, const std::string& name) {
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    // The entry being read: which field continuation lines extend.
    std::string msgid, msgstr, *field = nullptr;
    int entry_line = 0;
    bool has_id = false, has_str = false;
    auto fail = [&](const std::string& why) {
        throw InputError(name + ":" + std::to_string(number) + ": " + why);
    };
    auto finish = [&]() {
        if (!has_id) return;
        if (!has_str) fail("msgid \"" + msgid + "\" has no msgstr");
        if (!msgid.empty()) {  // "" is the header
            if (index_.count(msgid) != 0) {
                const CatalogueEntry& first = entries_[index_[msgid]];
                throw InputError(name + ":" + std::to_string(entry_line) + ": msgid \"" + msgid +
                                 "\" is already in " + first.file + ":" +
                                 std::to_string(first.line));
            }
            index_[msgid] = entries_.size();
            entries_.push_back({msgid, msgstr, name, entry_line});
        }
        msgid.clear(), msgstr.clear();
        has_id = has_str = false;
        field = nullptr;
    };
    try {
        while (std::getline(lines, line)) {
            ++number;
            const std::string text_line = trimmed(line);
            if (text_line.empty() || text_line[0] == '#') continue;
            if (text_line.rfind("msgid ", 0) == 0) {
                finish();
                msgid = unquoted(trimmed(text_line.substr(6)));
                has_id = true;
                entry_line = number;
                field = &msgid;
            } else if (text_line.rfind("msgstr ", 0) == 0) {
                if (!has_id || has_str) fail("msgstr without its msgid");
                msgstr = unquoted(trimmed(text_line.substr(7)));
                has_str = true;
                field = &msgstr;
            } else if (text_line[0] == '"') {
                if (field == nullptr) fail("a string outside msgid or msgstr");
                *field += unquoted(text_line);
            } else {
                fail("expected msgid, msgstr, a \"string\" or a # comment");
            }
        }
        finish();
    } catch (const std::string& why) {
        fail(why);
    }
}

// ---- the catalogue -------------------------------------------------------------------------

const std::string* Catalogue::find(const std::string& english) const {
    const auto found = index_.find(english);
    if (found == index_.end()) return nullptr;
    const std::string& translation = entries_[found->second].translation;
    return translation.empty() ? nullptr : &translation;
}

// ---- folders ---------------------------------------------------------------------------------

Catalogue load_catalogue_folder(const std::string& folder) {
    namespace fs = std::filesystem;
    Catalogue catalogue;
    std::error_code error;
    if (!fs::is_directory(folder, error)) return catalogue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.path().extension() == ".po" && entry.is_regular_file(error))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) throw InputError("cannot read '" + file.string() + "'");
        catalogue.add_po(text.str(), file.string());
    }
    return catalogue;
}

// ---- placeholders -----------------------------------------------------------------------------

std::vector<std::string> placeholders_of(const std::string& text) {
    std::set<std::string> names;
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open + 1, close - open - 1);
        const bool identifier = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        });
        if (identifier) names.insert(name);
    }
    return {names.begin(), names.end()};
}

}  // namespace convscope
