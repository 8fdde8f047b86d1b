#include "core/lessons/equivariance_figure.hpp"

#include "core/lessons/figure_parts.hpp"
#include "core/lessons/translation.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

ShiftedConvolution compare(const Tensor& x, const Tensor& weight, const Options2d& options, int dy,
                           int dx) {
    const EquivarianceCheck check = check_equivariance(x, weight, options, dy, dx);
    ShiftedConvolution map;
    map.x = x;
    map.shifted = shift_tensor(x, dy, dx);
    map.conv_x = conv2d(x, weight, {}, options);
    map.conv_of_shift = check.conv_of_shift;
    map.shift_of_conv = check.shift_of_conv;
    map.difference = check.difference;
    map.differs.resize(map.difference.size());
    for (std::size_t i = 0; i < map.difference.size(); ++i) {
        map.differs[i] = map.difference.data()[i] != 0.0f;
        map.differing += map.differs[i] ? 1 : 0;
    }
    return map;
}

}  // namespace

const ShiftedConvolution& EquivarianceFigure::at(int n, int f) const {
    CS_CHECK(holds() && f >= 0 && f < filters);
    const std::size_t index = static_cast<std::size_t>(n * filters + f);
    CS_CHECK(n >= 0 && index < maps.size());
    return maps[index];
}

EquivarianceFigure build_equivariance_figure(const Playground& playground) {
    CS_CHECK(playground.trace.op() == TracedOp::Conv);
    EquivarianceFigure figure;
    figure.filters = playground.kernel.dim(0);
    figure.stride_h = playground.setup.options.h.stride;
    figure.stride_w = playground.setup.options.w.stride;
    try {
        for (int n = 0; n < playground.input.dim(0); ++n)
            for (int f = 0; f < figure.filters; ++f)
                figure.maps.push_back(compare(plane(playground.input, n, 0),
                                              plane(playground.kernel, f, 0),
                                              playground.setup.options, figure.dy, figure.dx));
    } catch (const InputError& error) {
        figure.maps.clear();
        figure.error = error.what();
    }
    return figure;
}

}  // namespace convscope
