#include "core/nn/conv_layer.hpp"

#include <algorithm>

#include "core/ops/reference_ops.hpp"  // require_groups
#include "core/tensor/check.hpp"
#include "core/tensor/gemm.hpp"

namespace convscope {

namespace {

ConvGeometry conv_geometry(Shape input, int kernel_h, int kernel_w, const Options2d& options) {
    return resolve_geometry(OpKind::Conv, input.height, input.width, kernel_h, kernel_w, options);
}

Shape conv_output(Shape input, int filters, int kernel_h, int kernel_w, const Options2d& options) {
    const ConvGeometry g = conv_geometry(input, kernel_h, kernel_w, options);
    return {filters, g.h.output, g.w.output};
}

}  // namespace

template <typename Real>
ConvolutionLayer<Real>::ConvolutionLayer(Shape input, int filters, int kernel_h, int kernel_w,
                                         const Options2d& options, int groups)
    : Layer<Real>(input, conv_output(input, filters, kernel_h, kernel_w, options)),
      geometry_(conv_geometry(input, kernel_h, kernel_w, options)),
      filters_(filters),
      groups_(groups),
      columns_(static_cast<std::size_t>(patch_size()) * output_cells()),
      d_columns_(columns_.size()) {
    if (filters < 1)
        throw InputError("a convolution needs at least 1 filter, got " + std::to_string(filters));
    require_groups(groups, input.channels, filters);
}

template <typename Real>
int ConvolutionLayer<Real>::patch_size() const {
    return this->input_shape().channels * geometry_.h.kernel * geometry_.w.kernel;
}

template <typename Real>
int ConvolutionLayer<Real>::group_patch() const {
    return patch_size() / groups_;
}

template <typename Real>
std::size_t ConvolutionLayer<Real>::weight_count() const {
    return static_cast<std::size_t>(filters_) * group_patch();
}

template <typename Real>
int ConvolutionLayer<Real>::output_cells() const {
    return geometry_.h.output * geometry_.w.output;
}

template <typename Real>
std::vector<ParameterTensor> ConvolutionLayer<Real>::parameter_tensors() const {
    const int channels = this->input_shape().channels / groups_;
    const std::size_t weights = weight_count();
    return {{"weight", {filters_, channels, geometry_.h.kernel, geometry_.w.kernel}, 0, weights},
            {"bias", {filters_}, weights, static_cast<std::size_t>(filters_)}};
}

template <typename Real>
void ConvolutionLayer<Real>::bind(const Real* parameters, Real* gradients) {
    const std::size_t weights = weight_count();
    weight_ = parameters;
    bias_ = parameters + weights;
    d_weight_ = gradients;
    d_bias_ = gradients + weights;
}

template <typename Real>
void ConvolutionLayer<Real>::initialize(Real* parameters, Random& random) const {
    const std::size_t weights = weight_count();
    he_normal(parameters, weights, group_patch(), random);  // fan-in: one filter's inputs
    std::fill(parameters + weights, parameters + weights + filters_, Real(0));
}

namespace {

// The output columns [first, last) whose input column x = ox*s - pad + offset lies
// inside [0, input): computed once per row instead of testing every cell.
void inside_range(const AxisGeometry& g, int offset, int& first, int& last) {
    const int shift = g.pad_before - offset;  // x >= 0  <=>  ox*s >= shift
    first = shift <= 0 ? 0 : (shift + g.stride - 1) / g.stride;
    const int limit = g.input - 1 + shift;  // x <= input-1  <=>  ox*s <= limit
    last = limit < 0 ? 0 : limit / g.stride + 1;
    first = std::min(first, g.output);
    last = std::max(first, std::min(last, g.output));
}

// The sum of `count` values in 16 running sums: with one, every add waits for the one
// before (a chain of 576 per filter and image in SimpleConvNet, bound by the adder's
// latency); 16 independent sums vectorise.
template <typename Real>
Real sum_of(const Real* values, int count) {
    constexpr int kLanes = 16;
    Real partial[kLanes] = {};
    int i = 0;
    for (; i + kLanes <= count; i += kLanes)
        for (int lane = 0; lane < kLanes; ++lane) partial[lane] += values[i + lane];
    Real sum = 0;
    for (; i < count; ++i) sum += values[i];
    for (int lane = 0; lane < kLanes; ++lane) sum += partial[lane];
    return sum;
}

}  // namespace

template <typename Real>
void ConvolutionLayer<Real>::im2col(const Real* image) {
    const AxisGeometry& gh = geometry_.h;
    const AxisGeometry& gw = geometry_.w;
    Real* column = columns_.data();
    for (int c = 0; c < this->input_shape().channels; ++c) {
        const Real* plane = image + static_cast<long>(c) * gh.input * gw.input;
        for (int ky = 0; ky < gh.kernel; ++ky)
            for (int kx = 0; kx < gw.kernel; ++kx) {
                int first, last;
                inside_range(gw, kx * gw.dilation, first, last);
                for (int oy = 0; oy < gh.output; ++oy, column += gw.output) {
                    const int y = oy * gh.stride - gh.pad_before + ky * gh.dilation;
                    if (y < 0 || y >= gh.input) {
                        std::fill(column, column + gw.output, Real(0));
                        continue;
                    }
                    // Input column of output column ox: start + ox * stride.
                    const Real* start =
                        plane + static_cast<long>(y) * gw.input - gw.pad_before + kx * gw.dilation;
                    std::fill(column, column + first, Real(0));
                    if (gw.stride == 1) {
                        std::copy(start + first, start + last, column + first);
                    } else {
                        for (int ox = first; ox < last; ++ox) column[ox] = start[ox * gw.stride];
                    }
                    std::fill(column + last, column + gw.output, Real(0));
                }
            }
    }
}

template <typename Real>
void ConvolutionLayer<Real>::col2im(Real* d_image) const {
    const AxisGeometry& gh = geometry_.h;
    const AxisGeometry& gw = geometry_.w;
    std::fill(d_image, d_image + this->input_shape().size(), Real(0));
    const Real* column = d_columns_.data();
    for (int c = 0; c < this->input_shape().channels; ++c) {
        Real* plane = d_image + static_cast<long>(c) * gh.input * gw.input;
        for (int ky = 0; ky < gh.kernel; ++ky)
            for (int kx = 0; kx < gw.kernel; ++kx)
                for (int oy = 0; oy < gh.output; ++oy) {
                    const int y = oy * gh.stride - gh.pad_before + ky * gh.dilation;
                    if (y < 0 || y >= gh.input) {
                        column += gw.output;
                        continue;
                    }
                    Real* row = plane + static_cast<long>(y) * gw.input;
                    for (int ox = 0; ox < gw.output; ++ox, ++column) {
                        const int x = ox * gw.stride - gw.pad_before + kx * gw.dilation;
                        if (x >= 0 && x < gw.input) row[x] += *column;
                    }
                }
    }
}

template <typename Real>
void ConvolutionLayer<Real>::forward_images(const Real* input, Real* output, int first, int batch) {
    CS_CHECK(weight_ != nullptr);
    input_ = input - static_cast<long>(first) * this->input_shape().size();  // image 0
    const int cells = output_cells();
    for (int n = 0; n < batch; ++n) {
        im2col(input + static_cast<long>(n) * this->input_shape().size());
        Real* out = output + static_cast<long>(n) * this->output_shape().size();
        // Per group g: out (F/G, OH*OW) = weight (F/G, P) * columns (P, OH*OW), P = C/G*KH*KW.
        const int group_filters = filters_ / groups_, rows = group_patch();
        for (int g = 0; g < groups_; ++g) {
            gemm(Transpose::No, Transpose::No, group_filters, cells, rows,
                 weight_ + static_cast<long>(g) * group_filters * rows, rows,
                 columns_.data() + static_cast<long>(g) * rows * cells, cells,
                 out + static_cast<long>(g) * group_filters * cells, cells, false);
        }
        for (int f = 0; f < filters_; ++f)
            for (int i = 0; i < cells; ++i) out[static_cast<long>(f) * cells + i] += bias_[f];
    }
}

template <typename Real>
void ConvolutionLayer<Real>::backward_images(const Real* d_output, Real* d_input, int first,
                                             int batch) {
    CS_CHECK(input_ != nullptr);
    const Real* input = input_ + static_cast<long>(first) * this->input_shape().size();
    const int cells = output_cells();
    for (int n = 0; n < batch; ++n) {
        const Real* d_out = d_output + static_cast<long>(n) * this->output_shape().size();
        for (int f = 0; f < filters_; ++f) {
            d_bias_[f] += sum_of(d_out + static_cast<long>(f) * cells, cells);
        }
        // Recomputing the columns is cheaper than keeping a whole batch of them.
        im2col(input + static_cast<long>(n) * this->input_shape().size());
        // Per group g (P = C/G*KH*KW rows of the columns, F/G filters):
        // d weight (F/G, P) += d_out (F/G, OH*OW) * columns^T (OH*OW, P)
        const int group_filters = filters_ / groups_, rows = group_patch();
        for (int g = 0; g < groups_; ++g) {
            gemm(Transpose::No, Transpose::Yes, group_filters, rows, cells,
                 d_out + static_cast<long>(g) * group_filters * cells, cells,
                 columns_.data() + static_cast<long>(g) * rows * cells, cells,
                 d_weight_ + static_cast<long>(g) * group_filters * rows, rows, true);
        }
        if (!d_input) continue;
        // d columns (P, OH*OW) = weight^T (P, F/G) * d_out (F/G, OH*OW), group by group
        for (int g = 0; g < groups_; ++g) {
            gemm(Transpose::Yes, Transpose::No, rows, cells, group_filters,
                 weight_ + static_cast<long>(g) * group_filters * rows, rows,
                 d_out + static_cast<long>(g) * group_filters * cells, cells,
                 d_columns_.data() + static_cast<long>(g) * rows * cells, cells, false);
        }
        col2im(d_input + static_cast<long>(n) * this->input_shape().size());
    }
}

template class ConvolutionLayer<float>;
template class ConvolutionLayer<double>;

}  // namespace convscope
