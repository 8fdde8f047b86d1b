// Convolution as im2col + GEMM, one image at a time so the columns stay in cache.
// Parameters: weight (F, C/G, KH, KW), then bias (F). Stride, padding (including the
// asymmetric 'same') and dilation per axis, resolved by resolve_geometry(). Groups G
// (PyTorch's): im2col's rows are channel by channel, so group g's rows are one block
// and each group is its own GEMM of its F/G filters over those rows.
#pragma once

#include <vector>

#include "core/nn/layer.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

template <typename Real>
class ConvolutionLayer : public Layer<Real> {
  public:
    // input (C, H, W) -> output (filters, OH, OW); groups divides C and filters.
    ConvolutionLayer(Shape input, int filters, int kernel_h, int kernel_w, const Options2d& options,
                     int groups = 1);

    const ConvGeometry& geometry() const { return geometry_; }
    int filters() const { return filters_; }
    int groups() const { return groups_; }

    std::vector<ParameterTensor> parameter_tensors() const override;
    void bind(const Real* parameters, Real* gradients) override;
    void initialize(Real* parameters, Random& random) const override;
    // input (B, C, H, W) -> output (B, F, OH, OW); keeps the input pointer.
    void forward_images(const Real* input, Real* output, int first, int count) override;
    // d_output (B, F, OH, OW) -> d_input (B, C, H, W) unless null; adds to d weight, d bias.
    void backward_images(const Real* d_output, Real* d_input, int first, int count) override;

  private:
    int patch_size() const;            // C * KH * KW: one column of im2col
    int group_patch() const;           // C/G * KH * KW: one filter's weights, a group's rows
    std::size_t weight_count() const;  // F * C/G * KH * KW
    int output_cells() const;          // OH * OW
    // image (C, H, W) -> columns_ (C*KH*KW, OH*OW); padded cells read as zero.
    void im2col(const Real* image);
    // d_columns_ (C*KH*KW, OH*OW) -> d_image (C, H, W), summing cells read twice.
    void col2im(Real* d_image) const;

    ConvGeometry geometry_;
    int filters_;
    int groups_;
    const Real* weight_ = nullptr;
    const Real* bias_ = nullptr;
    Real* d_weight_ = nullptr;
    Real* d_bias_ = nullptr;
    const Real* input_ = nullptr;  // kept by forward for backward
    std::vector<Real> columns_;
    std::vector<Real> d_columns_;
};

}  // namespace convscope
