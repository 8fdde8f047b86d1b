#include "core/onnx/onnx_layers.hpp"

#include <algorithm>
#include <cmath>

#include "core/tensor/check.hpp"
#include "core/tensor/gemm.hpp"

namespace convscope {

template <typename Real>
void ForwardOnlyLayer<Real>::backward_images(const Real*, Real*, int, int) {
    CS_CHECK(!"an imported model's layers run forward only");
}

template class ForwardOnlyLayer<float>;

void ActivationLayer::forward_images(const float* input, float* output, int, int count) {
    const long n = static_cast<long>(count) * input_shape().size();
    switch (kind_) {
        case OnnxOp::LeakyRelu:
            for (long i = 0; i < n; ++i) output[i] = input[i] >= 0 ? input[i] : alpha_ * input[i];
            break;
        case OnnxOp::Sigmoid:
            for (long i = 0; i < n; ++i) output[i] = 1.0f / (1.0f + std::exp(-input[i]));
            break;
        default:
            for (long i = 0; i < n; ++i) output[i] = std::tanh(input[i]);
            break;
    }
}

void SoftmaxLayer::forward_images(const float* input, float* output, int, int count) {
    const int n = input_shape().size();
    for (int image = 0; image < count; ++image) {
        const float* in = input + static_cast<long>(image) * n;
        float* out = output + static_cast<long>(image) * n;
        const float largest = *std::max_element(in, in + n);  // exp never overflows
        double sum = 0;
        for (int i = 0; i < n; ++i) sum += out[i] = std::exp(in[i] - largest);
        for (int i = 0; i < n; ++i) out[i] = static_cast<float>(out[i] / sum);
    }
}

void PadLayer::forward_images(const float* input, float* output, int, int count) {
    const Shape in = input_shape(), out = output_shape();
    std::fill(output, output + static_cast<long>(count) * out.size(), 0.0f);
    for (long plane = 0; plane < static_cast<long>(count) * in.channels; ++plane)
        for (int y = 0; y < in.height; ++y)
            std::copy_n(input + (plane * in.height + y) * in.width, in.width,
                        output + (plane * out.height + y + top_) * out.width + left_);
}

void ScaleShiftLayer::forward_images(const float* input, float* output, int, int count) {
    const Shape shape = input_shape();
    const int cells = shape.height * shape.width;
    for (long plane = 0; plane < static_cast<long>(count) * shape.channels; ++plane) {
        const int c = static_cast<int>(plane % shape.channels);
        const float scale = parameters_[c], shift = parameters_[shape.channels + c];
        for (int i = 0; i < cells; ++i)
            output[plane * cells + i] = input[plane * cells + i] * scale + shift;
    }
}

TransposedConvLayer::TransposedConvLayer(const OnnxLayer& layer)
    : ForwardOnlyLayer(layer.input, layer.output),
      geometry_(resolve_geometry(OpKind::TransposedConv, layer.input.height, layer.input.width,
                                 layer.kernel_h, layer.kernel_w, layer.options)),
      groups_(layer.groups),
      columns_(static_cast<std::size_t>(layer.output.channels) * layer.kernel_h * layer.kernel_w *
               layer.input.height * layer.input.width) {}

void TransposedConvLayer::forward_images(const float* input, float* output, int, int count) {
    CS_CHECK(weight_ != nullptr);
    const AxisGeometry& gh = geometry_.h;
    const AxisGeometry& gw = geometry_.w;
    const Shape in = input_shape(), out = output_shape();
    const int cells = in.height * in.width;
    const int in_per_group = in.channels / groups_, out_per_group = out.channels / groups_;
    const int rows = out_per_group * gh.kernel * gw.kernel;  // columns of one group
    const float* bias = weight_ + static_cast<long>(in.channels) * rows;
    for (int image = 0; image < count; ++image) {
        const float* x = input + static_cast<long>(image) * in.size();
        float* y = output + static_cast<long>(image) * out.size();
        // columns (G * rows, H*W): group g's block = weight_g^T (rows, C/G) * x_g (C/G, H*W)
        for (int g = 0; g < groups_; ++g)
            gemm(Transpose::Yes, Transpose::No, rows, cells, in_per_group,
                 weight_ + static_cast<long>(g) * in_per_group * rows, rows,
                 x + static_cast<long>(g) * in_per_group * cells, cells,
                 columns_.data() + static_cast<long>(g) * rows * cells, cells, false);
        for (int f = 0; f < out.channels; ++f)
            std::fill(y + static_cast<long>(f) * gh.output * gw.output,
                      y + static_cast<long>(f + 1) * gh.output * gw.output, bias[f]);
        // col2im: input cell (iy, ix) with kernel cell (ky, kx) lands on
        // (iy*s - p + ky*d, ix*s - p + kx*d).
        const float* column = columns_.data();
        for (int f = 0; f < out.channels; ++f) {
            float* plane = y + static_cast<long>(f) * gh.output * gw.output;
            for (int ky = 0; ky < gh.kernel; ++ky)
                for (int kx = 0; kx < gw.kernel; ++kx)
                    for (int iy = 0; iy < gh.input; ++iy) {
                        const int oy = iy * gh.stride - gh.pad_before + ky * gh.dilation;
                        if (oy < 0 || oy >= gh.output) {
                            column += gw.input;
                            continue;
                        }
                        float* row = plane + static_cast<long>(oy) * gw.output;
                        for (int ix = 0; ix < gw.input; ++ix, ++column) {
                            const int ox = ix * gw.stride - gw.pad_before + kx * gw.dilation;
                            if (ox >= 0 && ox < gw.output) row[ox] += *column;
                        }
                    }
        }
    }
}

}  // namespace convscope
