#include "core/lessons/receptive_field_figure.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

ReceptiveFieldFigure build_receptive_field_figure(const Playground& playground) {
    CS_CHECK(playground.trace.op() == TracedOp::Conv);
    const PlaygroundSetup& s = playground.setup;
    ReceptiveFieldFigure figure;
    figure.first = playground.trace.geometry();
    figure.layer1 = plane(playground.output, 0, 0);
    // The second layer pads as the first: the padding depends on the kernel, not the input.
    figure.padded_h = figure.first.h.output + figure.first.h.pad_before + figure.first.h.pad_after;
    figure.padded_w = figure.first.w.output + figure.first.w.pad_before + figure.first.w.pad_after;
    try {
        figure.second = resolve_geometry(
            OpKind::Conv, axis_params(figure.first.h.output, s.kernel_h, s.options.h),
            axis_params(figure.first.w.output, s.kernel_w, s.options.w));
        figure.layer2 = conv2d(figure.layer1, plane(playground.kernel, 0, 0), {}, s.options);
    } catch (const InputError& error) {
        figure.second = ConvGeometry();
        figure.error = error.what();
    }
    return figure;
}

GridCell ReceptiveFieldFigure::walked_unit(int step_index) const {
    CS_CHECK(fits() && step_index >= 0);
    const int unit = step_index % units();
    return {unit / second.w.output, unit % second.w.output};
}

std::vector<FieldRegion> unit_field(const ReceptiveFieldFigure& figure, int y, int x) {
    CS_CHECK(figure.fits());
    return receptive_field({figure.first, figure.second}, y, x);
}

}  // namespace convscope
