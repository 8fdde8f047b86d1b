// Translations a translator can edit without reading C++: gettext .po files, one folder
// per language (assets/lang/zh/*.po, one file per part of the app). English is the
// source language: each msgid is the English text as the code writes it, placeholders
// as {name}; msgstr is its translation with the same placeholders.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace convscope {

struct CatalogueEntry {
    std::string english;      // msgid
    std::string translation;  // msgstr
    std::string file;         // where it was read, for messages
    int line = 0;
};

class Catalogue {
  public:
    // Parses one .po file's text (msgid/msgstr pairs, "..." continuation lines, C escapes,
    // # comments; the header entry, msgid "", is skipped). InputError "<name>:<line>: ..."
    // for a syntax error or a msgid given twice.
    void add_po(const std::string& text, const std::string& name);

    // The translation of `english`, or nullptr when there is none (or it is empty).
    const std::string* find(const std::string& english) const;
    const std::vector<CatalogueEntry>& entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }

  private:
    std::vector<CatalogueEntry> entries_;
    std::map<std::string, std::size_t> index_;
};

// Every *.po file in `folder`, in name order. InputError naming the file for a file that
// does not parse; an empty catalogue when the folder does not exist.
Catalogue load_catalogue_folder(const std::string& folder);

// The {name} placeholders of a text, sorted, each once.
std::vector<std::string> placeholders_of(const std::string& text);

}  // namespace convscope
