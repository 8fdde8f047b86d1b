// A translated sentence cut where parts of another colour go: in "Weight (1, 1) =
// {value} is used 9 times" the value is drawn in the kernel's colour. Each language
// puts {value} where its word order needs it; the window draws the parts in order.
#pragma once

#include <string>
#include <vector>

namespace convscope {

struct SentencePart {
    std::string text;  // plain text (slot < 0)
    int slot = -1;     // else the index in `names` of the {name} that stands here
};

// `text` cut at every {name} of `names`, in order; empty plain parts are left out, so
// English keeps the runs it had before it was translatable.
std::vector<SentencePart> cut_at_slots(const std::string& text,
                                       const std::vector<std::string>& names);

}  // namespace convscope
