// Diagnosing a wrong window: the window recomputed as a student places it with one slip.
#include "core/lessons/quiz_window.hpp"

#include <algorithm>

#include "core/ops/window_map.hpp"

namespace convscope {

InputCells window_cells(const ConvGeometry& geometry, int out_y, int out_x) {
    InputCells cells;
    for (const Tap& tap : output_taps(geometry, out_y, out_x)) cells.insert({tap.in_y, tap.in_x});
    return cells;
}

namespace {

// The window of a forward op with its stride, dilation or padding replaced.
InputCells placed_window(const ConvGeometry& g, int out_y, int out_x, int stride_h, int stride_w,
                         int dilation_h, int dilation_w, int pad_h, int pad_w) {
    InputCells cells;
    for (int ky = 0; ky < g.h.kernel; ++ky)
        for (int kx = 0; kx < g.w.kernel; ++kx)
            cells.insert({out_y * stride_h - pad_h + ky * dilation_h,
                          out_x * stride_w - pad_w + kx * dilation_w});
    return cells;
}

std::size_t count_missing(const InputCells& from, const InputCells& in) {
    return static_cast<std::size_t>(std::count_if(
        from.begin(), from.end(), [&](const auto& cell) { return in.count(cell) == 0; }));
}

}  // namespace

Diagnosis diagnose_window(const ConvGeometry& g, int out_y, int out_x, const InputCells& answer) {
    const InputCells right = window_cells(g, out_y, out_x);
    if (answer == right) return {Mistake::None, Message("Right.")};
    if (g.kind != OpKind::TransposedConv) {
        const auto& h = g.h;
        const auto& w = g.w;
        struct Slip {
            Mistake mistake;
            InputCells cells;
            Message message;
        };
        const Slip slips[] = {
            {Mistake::StrideIgnored,
             placed_window(g, out_y, out_x, 1, 1, h.dilation, w.dilation, h.pad_before,
                           w.pad_before),
             Message("The window moves by the stride: output cell (y, x) starts at input "
                     "(y·s - p, x·s - p).")},
            {Mistake::DilationIgnored,
             placed_window(g, out_y, out_x, h.stride, w.stride, 1, 1, h.pad_before, w.pad_before),
             Message("With dilation the window's cells are d apart, with gaps between them.")},
            {Mistake::PaddingForgotten,
             placed_window(g, out_y, out_x, h.stride, w.stride, h.dilation, w.dilation, 0, 0),
             Message("The padding shifts the window: the first window starts on the padding, "
                     "p cells before the input.")},
        };
        for (const Slip& slip : slips)
            if (slip.cells != right && slip.cells == answer) return {slip.mistake, slip.message};
    }
    const std::size_t missing = count_missing(right, answer);
    const std::size_t extra = count_missing(answer, right);
    if (missing > 0 && extra == 0)
        return {Mistake::CellsMissing,
                Message("Cells of the window not chosen: {count}.", {{"count", missing}})};
    if (extra > 0 && missing == 0)
        return {Mistake::CellsExtra,
                Message("Cells chosen outside the window: {count}.", {{"count", extra}})};
    return {Mistake::Unknown,
            Message("Cells of the window not chosen: {missing}; chosen outside it: {extra}.",
                    {{"missing", missing}, {"extra", extra}})};
}

}  // namespace convscope
