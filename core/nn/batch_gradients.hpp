// One training batch laid open (issue 16 section 3, one-batch mode): its images, labels
// and predictions, the loss, the first convolution's weight gradients dL/dW from the
// layer's own backward, and dL/dY of that layer's output, from which one weight's
// gradient is taken apart into its terms: input x dL/dY over every image and window
// (the backward lesson's "each weight sums over every window that used it").
//
// It runs its own single-threaded copy of the layers (make_layer), reading the
// parameters the step started from, so the numbers are the network's for that batch.
#pragma once

#include <cstdint>
#include <vector>

#include "core/nn/conv_filters.hpp"
#include "core/nn/network_spec.hpp"
#include "core/ops/conv_geometry.hpp"

namespace convscope {

struct BatchInspection {
    long batch = 0;  // total batches trained once this one is done (set by the caller)
    int count = 0;   // images in the batch
    Shape image_shape;
    std::vector<float> images;     // count x image_shape, values in [0, 1]
    std::vector<int> labels;       // count
    std::vector<int> predictions;  // count: the largest score, before the step
    float loss = 0;                // mean cross-entropy over the batch
    int correct = 0;

    // The first convolution: its weights before the step, with dL/dW as `gradients`.
    ConvFilters filters;
    int groups = 1;
    ConvGeometry geometry;
    Shape conv_input;                    // one image's input to it
    Shape conv_output;                   // one image's output (F, OH, OW)
    std::vector<float> conv_inputs;      // count x conv_input
    std::vector<float> output_gradient;  // dL/dY: count x conv_output
};

// The batch `images` (count x spec.input) with `labels` through the network whose
// parameters (laid out as parameter_layout(spec)) are `parameters`: forward, loss,
// backward. InputError for a spec without a convolution or count < 1.
BatchInspection inspect_batch(const NetworkSpec& spec, const float* parameters, const float* images,
                              const std::uint8_t* labels, int count);

// One term of a weight's gradient: input x dL/dY for one image and one window.
struct WeightTerm {
    int image = 0;
    int out_y = 0, out_x = 0;  // the window (an output cell)
    int in_y = 0, in_x = 0;    // the input cell the weight met there
    float input = 0;
    float output_gradient = 0;  // dL/dY at the output cell
    float product = 0;
};

struct WeightGradientSum {
    int filter = 0, channel = 0, ky = 0, kx = 0;
    long term_count = 0;  // images x windows (cells of padding count, as zero)
    long nonzero_terms = 0;
    double total = 0;                 // the sum of every term
    float layer_gradient = 0;         // dL/dW from the layer's backward
    std::vector<WeightTerm> largest;  // by |product|, largest first
};

// Weight (filter, channel, ky, kx) of the inspection's convolution; `top` largest terms.
// InputError naming the index out of range.
WeightGradientSum decompose_weight_gradient(const BatchInspection& inspection, int filter,
                                            int channel, int ky, int kx, int top = 6);

}  // namespace convscope
