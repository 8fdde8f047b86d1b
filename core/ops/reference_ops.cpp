#include "core/ops/reference_ops.hpp"

#include <algorithm>
#include <limits>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

void require_rank4(const Tensor& tensor, const char* what, const char* layout) {
    if (tensor.rank() != 4) {
        throw InputError(std::string(what) + " must have rank 4 " + layout + ", got shape " +
                         shape_text(tensor.shape()));
    }
}

void require_bias(const std::vector<float>& bias, int filters) {
    if (!bias.empty() && static_cast<int>(bias.size()) != filters) {
        throw InputError("bias has " + std::to_string(bias.size()) + " values but there are " +
                         std::to_string(filters) + " filters");
    }
}

// "1, 2, 4": the group counts that divide both.
std::string common_divisors(int channels, int filters) {
    std::string text;
    for (int g = 1; g <= std::min(channels, filters); ++g) {
        if (channels % g != 0 || filters % g != 0) continue;
        text += (text.empty() ? "" : ", ") + std::to_string(g);
    }
    return text;
}

}  // namespace

void require_groups(int groups, int channels, int filters) {
    if (groups >= 1 && channels % groups == 0 && filters % groups == 0) return;
    throw InputError(
        Message("groups G={groups} must divide channels C={channels} and filters FN={filters}: "
                "choose G among {choices}",
                {{"groups", groups},
                 {"channels", channels},
                 {"filters", filters},
                 {"choices", common_divisors(channels, filters)}}));
}

Options2d options_1d(const AxisOptions& length) {
    Options2d options;
    options.w = length;
    return options;
}

Tensor conv2d(const Tensor& input, const Tensor& weight, const std::vector<float>& bias,
              const Options2d& options, int groups) {
    require_rank4(input, "input", "(N,C,H,W)");
    require_rank4(weight, "kernel", "(F,C/G,KH,KW)");
    const int batch = input.dim(0), channels = input.dim(1), filters = weight.dim(0);
    require_groups(groups, channels, filters);
    const int group_channels = channels / groups, group_filters = filters / groups;
    if (weight.dim(1) != group_channels) {
        throw InputError(groups == 1 ? "kernel has " + std::to_string(weight.dim(1)) +
                                           " channels but the input has " +
                                           std::to_string(channels) + ": they must match"
                                     : "kernel has " + std::to_string(weight.dim(1)) +
                                           " channels but groups=" + std::to_string(groups) +
                                           " needs C/G = " + std::to_string(group_channels) +
                                           ": give a kernel (FN, C/G, KH, KW)");
    }
    require_bias(bias, filters);
    const ConvGeometry g =
        geometry_of_input(OpKind::Conv, input, weight.dim(2), weight.dim(3), options);

    Tensor output({batch, filters, g.h.output, g.w.output});
    for (int n = 0; n < batch; ++n)
        for (int f = 0; f < filters; ++f) {
            const int first_channel = (f / group_filters) * group_channels;
            for (int oy = 0; oy < g.h.output; ++oy)
                for (int ox = 0; ox < g.w.output; ++ox) {
                    float sum = bias.empty() ? 0.0f : bias[f];
                    for (int k = 0; k < group_channels; ++k)
                        for (int ky = 0; ky < g.h.kernel; ++ky)
                            for (int kx = 0; kx < g.w.kernel; ++kx) {
                                const int y = oy * g.h.stride - g.h.pad_before + ky * g.h.dilation;
                                const int x = ox * g.w.stride - g.w.pad_before + kx * g.w.dilation;
                                if (g.is_input_cell(y, x)) {
                                    sum += input.at(n, first_channel + k, y, x) *
                                           weight.at(f, k, ky, kx);
                                }
                            }
                    output.at(n, f, oy, ox) = sum;
                }
        }
    return output;
}

Tensor conv1d(const Tensor& input, const Tensor& weight, const std::vector<float>& bias,
              const AxisOptions& options, int groups) {
    if (input.rank() != 3) {
        throw InputError("input must have rank 3 (N,C,L), got shape " + shape_text(input.shape()));
    }
    if (weight.rank() != 3) {
        throw InputError("kernel must have rank 3 (F,C/G,K), got shape " +
                         shape_text(weight.shape()));
    }
    const Tensor output = conv2d(input.reshaped({input.dim(0), input.dim(1), 1, input.dim(2)}),
                                 weight.reshaped({weight.dim(0), weight.dim(1), 1, weight.dim(2)}),
                                 bias, options_1d(options), groups);
    return output.reshaped({output.dim(0), output.dim(1), output.dim(3)});
}

Tensor conv_transpose2d(const Tensor& input, const Tensor& weight, const std::vector<float>& bias,
                        const Options2d& options) {
    require_rank4(input, "input", "(N,C,H,W)");
    require_rank4(weight, "kernel", "(C,F,KH,KW)");
    const int batch = input.dim(0), channels = input.dim(1), filters = weight.dim(1);
    if (weight.dim(0) != channels) {
        throw InputError("transposed kernel (C,F,KH,KW) has " + std::to_string(weight.dim(0)) +
                         " input channels but the input has " + std::to_string(channels) +
                         ": they must match");
    }
    require_bias(bias, filters);
    const ConvGeometry g =
        geometry_of_input(OpKind::TransposedConv, input, weight.dim(2), weight.dim(3), options);

    // Each input cell scatters kernel * value onto the output; cells that land in the
    // cropped border (the padding p) are dropped.
    Tensor output({batch, filters, g.h.output, g.w.output});
    for (int n = 0; n < batch; ++n)
        for (int f = 0; f < filters; ++f) {
            for (int oy = 0; oy < g.h.output; ++oy)
                for (int ox = 0; ox < g.w.output; ++ox)
                    output.at(n, f, oy, ox) = bias.empty() ? 0.0f : bias[f];
            for (int c = 0; c < channels; ++c)
                for (int iy = 0; iy < g.h.input; ++iy)
                    for (int ix = 0; ix < g.w.input; ++ix)
                        for (int ky = 0; ky < g.h.kernel; ++ky)
                            for (int kx = 0; kx < g.w.kernel; ++kx) {
                                const int oy = iy * g.h.stride - g.h.pad_before + ky * g.h.dilation;
                                const int ox = ix * g.w.stride - g.w.pad_before + kx * g.w.dilation;
                                if (oy < 0 || oy >= g.h.output || ox < 0 || ox >= g.w.output)
                                    continue;
                                output.at(n, f, oy, ox) +=
                                    input.at(n, c, iy, ix) * weight.at(c, f, ky, kx);
                            }
        }
    return output;
}

namespace {

Tensor pool2d(PoolKind kind, const Tensor& input, int window_h, int window_w,
              const Options2d& options) {
    require_rank4(input, "input", "(N,C,H,W)");
    if (kind == PoolKind::Average && (options.h.dilation != 1 || options.w.dilation != 1)) {
        throw InputError(Message("average pooling has no dilation: d must be 1"));
    }
    const ConvGeometry g = geometry_of_input(OpKind::Pool, input, window_h, window_w, options);
    const int batch = input.dim(0), channels = input.dim(1);
    Tensor output({batch, channels, g.h.output, g.w.output});
    for (int n = 0; n < batch; ++n)
        for (int c = 0; c < channels; ++c)
            for (int oy = 0; oy < g.h.output; ++oy)
                for (int ox = 0; ox < g.w.output; ++ox) {
                    float best = -std::numeric_limits<float>::infinity();
                    float sum = 0.0f;
                    for (int ky = 0; ky < g.h.kernel; ++ky)
                        for (int kx = 0; kx < g.w.kernel; ++kx) {
                            const int y = oy * g.h.stride - g.h.pad_before + ky * g.h.dilation;
                            const int x = ox * g.w.stride - g.w.pad_before + kx * g.w.dilation;
                            if (!g.is_input_cell(y, x))
                                continue;  // padding: -inf for max, 0 for mean
                            const float value = input.at(n, c, y, x);
                            best = std::max(best, value);
                            sum += value;
                        }
                    output.at(n, c, oy, ox) =
                        kind == PoolKind::Max ? best
                                              : sum / static_cast<float>(g.h.kernel * g.w.kernel);
                }
    return output;
}

}  // namespace

Tensor max_pool2d(const Tensor& input, int window_h, int window_w, const Options2d& options) {
    return pool2d(PoolKind::Max, input, window_h, window_w, options);
}

Tensor avg_pool2d(const Tensor& input, int window_h, int window_w, const Options2d& options) {
    return pool2d(PoolKind::Average, input, window_h, window_w, options);
}

}  // namespace convscope
