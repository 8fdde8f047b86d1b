#include "app/model/sentence_parts.hpp"

namespace convscope {

std::vector<SentencePart> cut_at_slots(const std::string& text,
                                       const std::vector<std::string>& names) {
    std::vector<SentencePart> parts;
    std::size_t from = 0;
    while (from < text.size()) {
        // The earliest {name} still ahead.
        std::size_t at = std::string::npos, length = 0;
        int slot = -1;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string key = "{" + names[i] + "}";
            const std::size_t found = text.find(key, from);
            if (found < at) {
                at = found;
                length = key.size();
                slot = static_cast<int>(i);
            }
        }
        if (at > from) parts.push_back({text.substr(from, at - from), -1});
        if (slot < 0) break;
        parts.push_back({"", slot});
        from = at + length;
    }
    return parts;
}

}  // namespace convscope
