// Sentences on and beneath the boards in the language on screen. A sentence is one
// translated text; its {name} parts may be runs of coloured text (a number in its
// grid's colour, a whole step equation), so Chinese can order the words its own way
// and the colours move with them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/model/translate.hpp"
#include "app/widgets/board.hpp"

namespace convscope {

using SpanArgs = std::vector<std::pair<std::string, TextLine>>;

// `translated` (what tr() returned) with the {name}s of `values` filled in, then cut at
// the {name}s of `spans`, each replaced by its runs; the text around them in `ink`.
TextLine spans_line(const std::string& translated, const TextArgs& values, const SpanArgs& spans,
                    ImU32 ink);

}  // namespace convscope
