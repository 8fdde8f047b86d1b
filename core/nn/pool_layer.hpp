// Max and average pooling over each channel on its own; no parameters.
// Max keeps the argmax of every output cell so backward routes the gradient to the
// winner alone; average spreads it evenly over the window, padded cells counting as
// zeros in the mean (PyTorch's count_include_pad=True), as avg_pool2d does.
#pragma once

#include <vector>

#include "core/nn/layer.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

template <typename Real>
class PoolingLayer : public Layer<Real> {
  public:
    // input (C, H, W) -> output (C, OH, OW)
    PoolingLayer(Shape input, PoolKind kind, int window_h, int window_w, const Options2d& options);

    PoolKind kind() const { return kind_; }
    const ConvGeometry& geometry() const { return geometry_; }

    void reserve(int max_batch) override;
    // input (B, C, H, W) -> output (B, C, OH, OW); max keeps the argmax per output cell.
    void forward_images(const Real* input, Real* output, int first, int count) override;
    // d_output (B, C, OH, OW) -> d_input (B, C, H, W)
    void backward_images(const Real* d_output, Real* d_input, int first, int count) override;

  private:
    PoolKind kind_;
    ConvGeometry geometry_;
    std::vector<int> argmax_;  // (B, C, OH, OW): index into the input plane, -1 if none
};

}  // namespace convscope
