// Groups (issue 11): grouped, depthwise and pointwise convolution. The steps of the
// channels (a grouped filter's kernel only under its own group's channels), then which
// channels this filter reads and the weights against a full convolution (core's
// GroupsFigure).
#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"

namespace convscope {

namespace {

std::string reads_sentence(const GroupsFigure& figure, int f) {
    const OperationTrace::ChannelRange& reads = figure.reads[static_cast<size_t>(f)];
    const int last = reads.first + reads.count - 1;
    const TextArgs args = {{"f", std::to_string(f)},
                           {"first", std::to_string(reads.first)},
                           {"last", std::to_string(last)},
                           {"group", std::to_string(reads.first / reads.count)},
                           {"groups", std::to_string(figure.groups)},
                           {"channels", std::to_string(figure.channels)}};
    if (figure.groups == 1) {
        return figure.kernel_h == 1 && figure.kernel_w == 1
                   ? trf("Filter f={f} mixes all {channels} channels of one pixel at a time "
                         "(1×1).",
                         args)
                   : trf("Filter f={f} reads all {channels} input channels (G = 1).", args);
    }
    if (reads.count == 1) {
        return trf("Filter f={f} reads input channel {first} alone (G = C = {groups}).", args);
    }
    return trf("Filter f={f} reads input channels {first} to {last}: group {group} of {groups}.",
               args);
}

std::string weights_sentence(const GroupsFigure& figure) {
    const TextArgs args = {{"filters", std::to_string(figure.filters)},
                           {"per", std::to_string(figure.channels / figure.groups)},
                           {"channels", std::to_string(figure.channels)},
                           {"kh", std::to_string(figure.kernel_h)},
                           {"kw", std::to_string(figure.kernel_w)},
                           {"grouped", std::to_string(figure.weights.grouped)},
                           {"full", std::to_string(figure.weights.full)},
                           {"groups", std::to_string(figure.groups)}};
    if (figure.groups == 1) {
        return trf("Weights: FN×C×KH×KW = {filters}×{channels}×{kh}×{kw} = {full}.", args);
    }
    return trf(
        "Weights: FN×C/G×KH×KW = {filters}×{per}×{kh}×{kw} = {grouped}, against {full} "
        "for a full convolution: {groups} times fewer.",
        args);
}

}  // namespace

LessonBoard groups_board(const ViewContext& context) {
    LessonBoard result = steps_board(context);
    const auto* figure = std::get_if<GroupsFigure>(&context.figure);
    if (figure == nullptr) return result;
    // The sentences go between the step's sum and the size formula.
    const TextLine formula = result.lines.back();
    result.lines.pop_back();
    result.lines.push_back({{reads_sentence(*figure, context.step.f), kInk}});
    result.lines.push_back({{weights_sentence(*figure), kMutedInk}});
    result.lines.push_back(formula);
    return result;
}

}  // namespace convscope
