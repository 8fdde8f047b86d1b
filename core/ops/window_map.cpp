#include "core/ops/window_map.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// Forward convolution and pooling: output cell o reads input o*s - p + k*d.
std::vector<Tap> window_taps(const ConvGeometry& g, int out_y, int out_x) {
    std::vector<Tap> taps;
    taps.reserve(static_cast<std::size_t>(g.h.kernel) * g.w.kernel);
    for (int ky = 0; ky < g.h.kernel; ++ky)
        for (int kx = 0; kx < g.w.kernel; ++kx) {
            Tap tap;
            tap.in_y = out_y * g.h.stride - g.h.pad_before + ky * g.h.dilation;
            tap.in_x = out_x * g.w.stride - g.w.pad_before + kx * g.w.dilation;
            tap.k_y = ky;
            tap.k_x = kx;
            tap.padded = !g.is_input_cell(tap.in_y, tap.in_x);
            taps.push_back(tap);
        }
    return taps;
}

// The input index i with i*s - p + k*d == o, or -1 when none exists.
int scattering_input(const AxisGeometry& axis, int out, int k) {
    const int shifted = out + axis.pad_before - k * axis.dilation;
    if (shifted < 0 || shifted % axis.stride != 0) return -1;
    const int in = shifted / axis.stride;
    return in < axis.input ? in : -1;
}

// Transposed convolution: input i scatters onto output i*s - p + k*d.
std::vector<Tap> scatter_taps(const ConvGeometry& g, int out_y, int out_x) {
    std::vector<Tap> taps;
    for (int ky = 0; ky < g.h.kernel; ++ky) {
        const int in_y = scattering_input(g.h, out_y, ky);
        if (in_y < 0) continue;
        for (int kx = 0; kx < g.w.kernel; ++kx) {
            const int in_x = scattering_input(g.w, out_x, kx);
            if (in_x < 0) continue;
            taps.push_back(Tap{in_y, in_x, ky, kx, false});
        }
    }
    return taps;
}

}  // namespace

std::vector<Tap> output_taps(const ConvGeometry& geometry, int out_y, int out_x) {
    CS_CHECK(out_y >= 0 && out_y < geometry.h.output && out_x >= 0 && out_x < geometry.w.output);
    if (geometry.kind == OpKind::TransposedConv) return scatter_taps(geometry, out_y, out_x);
    return window_taps(geometry, out_y, out_x);
}

std::vector<int> visit_counts(const ConvGeometry& geometry) {
    const int width = geometry.w.input;
    std::vector<int> counts(static_cast<std::size_t>(geometry.h.input) * width, 0);
    for (int oy = 0; oy < geometry.h.output; ++oy)
        for (int ox = 0; ox < geometry.w.output; ++ox)
            for (const Tap& tap : output_taps(geometry, oy, ox))
                if (!tap.padded) ++counts[static_cast<std::size_t>(tap.in_y) * width + tap.in_x];
    return counts;
}

}  // namespace convscope
