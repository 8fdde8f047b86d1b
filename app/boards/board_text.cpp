#include "app/boards/board_text.hpp"

#include "app/model/sentence_parts.hpp"

namespace convscope {

TextLine spans_line(const std::string& translated, const TextArgs& values, const SpanArgs& spans,
                    ImU32 ink) {
    std::vector<std::string> names;
    for (const auto& span : spans) names.push_back(span.first);
    TextLine line;
    // Runs are kept as they come, not merged: English draws exactly as it did.
    for (const SentencePart& part : cut_at_slots(fill_placeholders(translated, values), names)) {
        if (part.slot < 0) {
            line.push_back({part.text, ink});
        } else {
            const TextLine& runs = spans[static_cast<size_t>(part.slot)].second;
            line.insert(line.end(), runs.begin(), runs.end());
        }
    }
    return line;
}

}  // namespace convscope
