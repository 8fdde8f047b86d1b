#include "core/ops/receptive_field.hpp"

#include <algorithm>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// Output cells [first, last] read input cells [first*s - p, last*s - p + k_eff - 1].
CellRange reads(const AxisGeometry& axis, const CellRange& out) {
    return {out.first * axis.stride - axis.pad_before,
            out.last * axis.stride - axis.pad_before + axis.effective_kernel() - 1};
}

CellRange clip(const CellRange& range, int size) {
    return {std::max(range.first, 0), std::min(range.last, size - 1)};
}

}  // namespace

std::vector<FieldRegion> receptive_field(const std::vector<ConvGeometry>& layers, int y, int x) {
    CS_CHECK(!layers.empty());
    for (std::size_t i = 0; i < layers.size(); ++i) {
        CS_CHECK(layers[i].kind != OpKind::TransposedConv);
        if (i > 0) {
            CS_CHECK(layers[i].h.input == layers[i - 1].h.output);
            CS_CHECK(layers[i].w.input == layers[i - 1].w.output);
        }
    }
    const ConvGeometry& top = layers.back();
    CS_CHECK(y >= 0 && y < top.h.output && x >= 0 && x < top.w.output);

    std::vector<FieldRegion> regions(layers.size() + 1);
    FieldRegion unit;
    unit.rows = unit.clipped_rows = {y, y};
    unit.cols = unit.clipped_cols = {x, x};
    regions.back() = unit;
    // Walk down: the cells a layer reads are those its (clipped) output range needs;
    // the unclipped extent is carried separately to report the field's true size.
    CellRange rows = unit.rows, cols = unit.cols;
    CellRange real_rows = rows, real_cols = cols;
    for (int i = static_cast<int>(layers.size()) - 1; i >= 0; --i) {
        const ConvGeometry& g = layers[i];
        rows = reads(g.h, rows);
        cols = reads(g.w, cols);
        real_rows = clip(reads(g.h, real_rows), g.h.input);
        real_cols = clip(reads(g.w, real_cols), g.w.input);
        regions[i] = {rows, cols, real_rows, real_cols};
    }
    return regions;
}

}  // namespace convscope
