#include "core/lessons/transposed_direct_figure.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

StretchedCell StretchedAxis::kind(int e) const {
    const int u = e - before;  // position among the input cells and their zeros
    const int span = (input - 1) * stride + 1;
    if (u < 0) return StretchedCell::Padding;
    if (u >= span) {
        return e >= size() - output_padding ? StretchedCell::OutputPadding : StretchedCell::Padding;
    }
    return u % stride == 0 ? StretchedCell::Input : StretchedCell::InsertedZero;
}

int StretchedAxis::input_index(int e) const {
    return kind(e) == StretchedCell::Input ? (e - before) / stride : -1;
}

StretchedCell TransposedDirectFigure::kind(int y, int x) const {
    const StretchedCell ky = h.kind(y), kx = w.kind(x);
    // Padding wins over inserted zeros; output padding is named where either axis has it.
    for (StretchedCell k :
         {StretchedCell::OutputPadding, StretchedCell::Padding, StretchedCell::InsertedZero})
        if (ky == k || kx == k) return k;
    return StretchedCell::Input;
}

namespace {

StretchedAxis stretched_axis(const AxisGeometry& a) {
    StretchedAxis axis;
    axis.input = a.input;
    axis.stride = a.stride;
    axis.before = a.effective_kernel() - a.pad_before - 1;
    axis.after = a.effective_kernel() - a.pad_before - 1 + a.output_padding;
    axis.output_padding = a.output_padding;
    return axis;
}

}  // namespace

TransposedDirectFigure build_transposed_direct_figure(const Playground& playground) {
    CS_CHECK(playground.trace.op() == TracedOp::TransposedConv);
    const ConvGeometry& g = playground.trace.geometry();
    const Tensor& input = playground.input;    // (N, C, H, W)
    const Tensor& kernel = playground.kernel;  // (C, F, KH, KW)
    const int items = input.dim(0), channels = input.dim(1), filters = kernel.dim(1);
    const int kh = kernel.dim(2), kw = kernel.dim(3);
    TransposedDirectFigure figure;
    figure.h = stretched_axis(g.h);
    figure.w = stretched_axis(g.w);
    figure.padding = g.h.pad_before;
    const double products =
        static_cast<double>(items) * filters * channels * g.h.output * g.w.output * kh * kw;
    if (products > kDirectViewMaxProducts) return figure;

    const int eh = figure.h.size(), ew = figure.w.size();
    Tensor stretched({items, channels, eh, ew});
    for (int y = 0; y < eh; ++y) {
        const int iy = figure.h.input_index(y);
        if (iy < 0) continue;
        for (int x = 0; x < ew; ++x) {
            const int ix = figure.w.input_index(x);
            if (ix < 0) continue;
            for (int n = 0; n < items; ++n)
                for (int c = 0; c < channels; ++c)
                    stretched.at(n, c, y, x) = input.at(n, c, iy, ix);
        }
    }
    Tensor turned({filters, channels, kh, kw});
    for (int f = 0; f < filters; ++f)
        for (int c = 0; c < channels; ++c)
            for (int y = 0; y < kh; ++y)
                for (int x = 0; x < kw; ++x)
                    turned.at(f, c, y, x) = kernel.at(c, f, kh - 1 - y, kw - 1 - x);

    Playground& direct = figure.direct;
    direct.setup = playground.setup;
    direct.setup.op = TracedOp::Conv;
    direct.setup.input_h = eh;
    direct.setup.input_w = ew;
    direct.setup.options = Options2d::uniform(1, Padding::of(0));
    direct.setup.options.h.dilation = g.h.dilation;
    direct.setup.options.w.dilation = g.w.dilation;
    direct.setup.input_values = stretched.values();
    direct.setup.kernel_values = turned.values();
    direct.bias = playground.bias;
    direct.output = conv2d(stretched, turned, direct.bias, direct.setup.options);
    direct.trace = OperationTrace::conv(stretched, turned, direct.bias, direct.setup.options);
    direct.input = std::move(stretched);
    direct.kernel = std::move(turned);
    return figure;
}

}  // namespace convscope
