#include "core/lessons/correlation_figure.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

Tensor turned_kernel(const Tensor& kernel) {
    CS_CHECK(kernel.rank() == 4);
    Tensor turned(kernel.shape());
    const int kh = kernel.dim(2), kw = kernel.dim(3);
    for (int f = 0; f < kernel.dim(0); ++f)
        for (int c = 0; c < kernel.dim(1); ++c)
            for (int y = 0; y < kh; ++y)
                for (int x = 0; x < kw; ++x)
                    turned.at(f, c, y, x) = kernel.at(f, c, kh - 1 - y, kw - 1 - x);
    return turned;
}

CorrelationFigure build_correlation_figure(const Playground& playground) {
    CS_CHECK(playground.trace.op() == TracedOp::Conv);
    CorrelationFigure figure;
    const Tensor turned = turned_kernel(playground.kernel);
    figure.symmetric = turned.values() == playground.kernel.values();
    PlaygroundSetup setup = with_explicit_values(playground);
    setup.kernel_values = turned.values();
    figure.convolution = build_playground(setup);  // the same bounds the playground passed
    const std::vector<float>& a = figure.convolution.output.values();
    const std::vector<float>& b = playground.output.values();
    figure.output_cells = static_cast<int>(b.size());
    for (std::size_t i = 0; i < b.size(); ++i) figure.differing_cells += a[i] != b[i];
    return figure;
}

}  // namespace convscope
