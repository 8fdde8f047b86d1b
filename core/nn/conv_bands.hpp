// One convolution layer's output computed a band of output rows at a time, so a big
// photo's maps never need the im2col of the whole image (25 floats per output cell for a
// 5x5 kernel): the working set depends on the band and the image width, not its height.
//
// Each band runs the network's own ConvolutionLayer on a copy of the input rows it reads,
// with the vertical padding written out as zero rows and the horizontal padding left to
// the layer. The im2col columns of a band are the whole image's columns for those output
// cells, and the GEMM adds every cell's products in the same order whatever the matrix
// width, so the bands equal the whole-image forward to the bit (tests/conv_bands_test.cpp).
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "core/nn/layer.hpp"
#include "core/nn/network_spec.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

class ConvBands {
  public:
    // conv: a convolution's LayerSpec; input: the whole input (C, H, W); band_rows: output
    // rows per band (clamped to 1 .. the output height). InputError like make_layer's when
    // the kernel does not fit the padded input.
    ConvBands(const LayerSpec& conv, Shape input, int band_rows);
    ~ConvBands();
    ConvBands(const ConvBands&) = delete;
    ConvBands& operator=(const ConvBands&) = delete;

    // The whole layer's output (F, OH, OW), as the layer on the whole input gives.
    Shape output_shape() const { return output_; }
    int band_rows() const { return band_rows_; }
    int band_count() const { return (output_.height + band_rows_ - 1) / band_rows_; }
    int first_row(int band) const { return band * band_rows_; }
    // band_rows(), or fewer in the last band.
    int rows_in_band(int band) const;
    // The layer's weights then biases, as in the network's parameter buffer.
    std::size_t parameter_count() const;

    // Output rows [first_row(band), first_row(band) + rows_in_band(band)) of every map into
    // `out`, laid out (F, band_rows(), OW): map f's rows start at f * band_rows() * OW. Rows
    // past rows_in_band() are scratch. input: the whole (C, H, W) input.
    void compute(const float* parameters, const float* input, int band, float* out);
    // Floats compute() writes: F * band_rows() * OW.
    std::size_t band_size() const;

    // Bytes held while computing (the input band, the layer's im2col columns and their
    // gradient twin, an output band): what a caller adds to its own buffers to bound the
    // whole job.
    std::size_t working_bytes() const;
    // The most rows per band (at least 1) whose working_bytes() stays within `budget`.
    static int rows_for_budget(const LayerSpec& conv, Shape input, std::size_t budget);

  private:
    LayerSpec spec_;
    Shape input_, output_;
    AxisGeometry rows_;  // the vertical axis of the whole layer
    int band_rows_ = 1;
    int band_input_rows_ = 1;  // input rows one band reads, padding rows included
    std::unique_ptr<Layer<float>> layer_;
    std::vector<float> band_input_;        // (C, band_input_rows_, W)
    std::vector<float> unused_gradients_;  // bind() wants a gradient slice
};

}  // namespace convscope
