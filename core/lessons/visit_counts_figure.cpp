#include "core/lessons/visit_counts_figure.hpp"

#include <algorithm>

#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

int VisitCountsFigure::at(int y, int x) const {
    CS_CHECK(y >= 0 && y < rows && x >= 0 && x < cols);
    return counts[static_cast<std::size_t>(y * cols + x)];
}

bool VisitCountsFigure::border_read_least() const {
    if (rows < 3 || cols < 3 || uniform()) return false;
    for (int y = 1; y + 1 < rows; ++y)
        for (int x = 1; x + 1 < cols; ++x)
            if (at(y, x) == fewest) return false;
    return true;
}

int VisitCountsFigure::never_read() const {
    return static_cast<int>(std::count(counts.begin(), counts.end(), 0));
}

VisitCountsFigure build_visit_counts_figure(const Playground& playground) {
    const ConvGeometry& g = playground.trace.geometry();
    VisitCountsFigure figure;
    figure.rows = g.h.input;
    figure.cols = g.w.input;
    figure.counts = visit_counts(g);
    CS_CHECK(!figure.counts.empty());  // the playground's input has at least one cell
    const auto [fewest, most] = std::minmax_element(figure.counts.begin(), figure.counts.end());
    figure.fewest = *fewest;
    figure.most = *most;
    return figure;
}

}  // namespace convscope
