#include "core/nn/conv_bands.hpp"

#include <algorithm>
#include <cstring>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

AxisGeometry axis_of(int input, int kernel, const AxisOptions& options) {
    AxisParams params;
    params.input = input;
    params.kernel = kernel;
    params.stride = options.stride;
    params.dilation = options.dilation;
    params.padding = options.padding;
    return resolve_axis(OpKind::Conv, params);
}

// The spec of one band's layer: no vertical padding (the band holds its zero rows).
LayerSpec band_spec(LayerSpec conv) {
    conv.options.h.padding = Padding::of(0);
    return conv;
}

// Input rows a band of `rows` output rows reads: (rows - 1) * stride + the kernel's span.
int input_rows_for(const AxisGeometry& axis, int rows) {
    return (rows - 1) * axis.stride + axis.effective_kernel();
}

// working_bytes() of a band of `rows` output rows: im2col columns and their gradient
// twin (C*KH*KW x rows*OW each), the input band, one output band.
std::size_t band_bytes(const LayerSpec& conv, Shape input, const AxisGeometry& rows_axis,
                       int output_width, int rows) {
    const std::size_t patch =
        static_cast<std::size_t>(input.channels) * conv.kernel_h * conv.kernel_w;
    const std::size_t cells = static_cast<std::size_t>(rows) * output_width;
    const std::size_t band_input =
        static_cast<std::size_t>(input.channels) * input_rows_for(rows_axis, rows) * input.width;
    return sizeof(float) * (2 * patch * cells + band_input + conv.units * cells);
}

}  // namespace

ConvBands::ConvBands(const LayerSpec& conv, Shape input, int band_rows)
    : spec_(conv), input_(input) {
    CS_CHECK(conv.kind == LayerKind::Convolution);
    // Resolved as the layer does (InputError for a kernel that does not fit), without
    // building the whole-image layer and its columns.
    rows_ = axis_of(input.height, conv.kernel_h, conv.options.h);
    output_ = {conv.units, rows_.output,
               axis_of(input.width, conv.kernel_w, conv.options.w).output};
    band_rows_ = std::max(1, std::min(band_rows, output_.height));
    band_input_rows_ = input_rows_for(rows_, band_rows_);
    layer_ = make_layer<float>(band_spec(conv), {input.channels, band_input_rows_, input.width});
    CS_CHECK(layer_->output_shape().height == band_rows_ &&
             layer_->output_shape().width == output_.width);
    layer_->reserve(1);
    band_input_.assign(static_cast<std::size_t>(input.channels) * band_input_rows_ * input.width,
                       0.0f);
    unused_gradients_.assign(layer_->parameter_count(), 0.0f);
}

ConvBands::~ConvBands() = default;

int ConvBands::rows_in_band(int band) const {
    CS_CHECK(band >= 0 && band < band_count());
    return std::min(band_rows_, output_.height - first_row(band));
}

std::size_t ConvBands::parameter_count() const {
    return layer_->parameter_count();
}

std::size_t ConvBands::band_size() const {
    return static_cast<std::size_t>(output_.channels) * band_rows_ * output_.width;
}

void ConvBands::compute(const float* parameters, const float* input, int band, float* out) {
    CS_CHECK(band >= 0 && band < band_count());
    // Band row i is padded input row first_row * stride + i, image row that minus pad_before.
    const int top = first_row(band) * rows_.stride - rows_.pad_before;
    const std::size_t row_bytes = static_cast<std::size_t>(input_.width) * sizeof(float);
    for (int c = 0; c < input_.channels; ++c) {
        for (int i = 0; i < band_input_rows_; ++i) {
            float* target = band_input_.data() +
                            (static_cast<std::size_t>(c) * band_input_rows_ + i) * input_.width;
            const int y = top + i;
            if (y >= 0 && y < input_.height) {
                std::memcpy(
                    target,
                    input + (static_cast<std::size_t>(c) * input_.height + y) * input_.width,
                    row_bytes);
            } else {
                std::memset(target, 0, row_bytes);
            }
        }
    }
    layer_->bind(parameters, unused_gradients_.data());
    layer_->forward(band_input_.data(), out, 1);
}

std::size_t ConvBands::working_bytes() const {
    return band_bytes(spec_, input_, rows_, output_.width, band_rows_);
}

int ConvBands::rows_for_budget(const LayerSpec& conv, Shape input, std::size_t budget) {
    const AxisGeometry rows = axis_of(input.height, conv.kernel_h, conv.options.h);
    const int width = axis_of(input.width, conv.kernel_w, conv.options.w).output;
    int low = 1, high = rows.output;  // the largest band within budget, by bisection
    while (low < high) {
        const int middle = low + (high - low + 1) / 2;
        if (band_bytes(conv, input, rows, width, middle) <= budget)
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

}  // namespace convscope
