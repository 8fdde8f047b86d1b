// Step traces: one operation unrolled into the steps the animation plays.
//
// Step t writes one output cell. Steps run row-major over the output, filter by
// filter (channel by channel for pooling), batch item by item. Each step lists the
// input cells it reads (padded ones marked, in input coordinates), the kernel cells,
// every product, the partial sum per input channel, the bias and the result. The
// trace is built from the same geometry the layers use, and tests check that its
// results equal the reference ops' output.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/ops/reference_ops.hpp"  // replay() equals these ops
#include "core/ops/window_map.hpp"

namespace convscope {

enum class TracedOp { Conv, TransposedConv, MaxPool, AveragePool };

// Max or average pooling: no kernel, and output channel f reads input channel f alone.
bool is_pooling(TracedOp op);

// The order of a kernel tensor's first two axes, as PyTorch stores them: a conv's
// kernel is (F,C,KH,KW), a transposed conv's (C,F,KH,KW). Pooling has no kernel; the
// playground keeps its kernel values in the conv order.
struct KernelLayout {
    bool channels_first = false;  // (C,F,..): the transposed conv's

    // The tensor's first two indices of filter f's slice for input channel c.
    std::array<int, 2> index(int f, int c) const;
    // The shape of a kernel of `filters` filters over `channels` input channels.
    std::vector<int> shape(int filters, int channels, int kernel_h, int kernel_w) const;
    // "f" or "c": what the tensor's axis 0 or 1 counts.
    const char* axis_name(int axis) const;
};
KernelLayout kernel_layout(TracedOp op);

// One input cell meeting one kernel cell (pooling: one window cell).
struct TraceTerm {
    int channel = 0;            // input channel c (of the whole input, not of the group)
    Tap tap;                    // input (y, x), kernel (ky, kx), padded flag
    float input_value = 0.0f;   // 0 for a padded cell
    float kernel_value = 1.0f;  // 1 for pooling
    float product = 0.0f;       // input_value * kernel_value
};

struct TraceStep {
    int n = 0, f = 0, y = 0, x = 0;   // the output cell (f is the channel for pooling)
    std::vector<TraceTerm> terms;     // channel by channel, kernel row-major
    std::vector<float> channel_sums;  // conv: sum of products per input channel read
    float bias = 0.0f;
    float value = 0.0f;  // sum + bias, the max, or the mean
    int winner = -1;     // max pooling: index into terms of the maximum
};

class OperationTrace {
  public:
    // input (N,C,H,W), weight (F,C/G,KH,KW), bias empty or F values; with groups G a
    // step's terms cover only its filter's group of input channels (group_channels()).
    static OperationTrace conv(Tensor input, Tensor weight, std::vector<float> bias,
                               const Options2d& options, int groups = 1);
    // input (N,C,H,W), weight (C,F,KH,KW), bias empty or F values
    static OperationTrace transposed_conv(Tensor input, Tensor weight, std::vector<float> bias,
                                          const Options2d& options);
    // input (N,C,H,W)
    static OperationTrace pool(TracedOp kind, Tensor input, int window_h, int window_w,
                               const Options2d& options);

    TracedOp op() const { return op_; }
    const ConvGeometry& geometry() const { return geometry_; }
    const Tensor& input() const { return input_; }
    const Tensor& weight() const { return weight_; }  // empty for pooling
    const std::vector<float>& bias() const { return bias_; }
    std::vector<int> output_shape() const;  // (N, F, OH, OW)
    int groups() const { return groups_; }  // G: 1 but for a grouped conv
    // The input channels output channel f reads, [first, first + count): all C for a
    // plain conv, its group's C/G for a grouped one, channel f alone for pooling.
    struct ChannelRange {
        int first = 0;
        int count = 0;
    };
    ChannelRange group_channels(int f) const;

    int step_count() const;
    TraceStep step(int t) const;  // 0 <= t < step_count()
    // The step that writes output cell (n, f, y, x): the inverse of step(t).
    int step_of(int n, int f, int y, int x) const;

    // Every step's value, in output layout: equals the reference op's output.
    Tensor replay() const;

  private:
    TracedOp op_ = TracedOp::Conv;
    ConvGeometry geometry_;
    Tensor input_;
    Tensor weight_;
    std::vector<float> bias_;
    int output_channels_ = 0;
    int groups_ = 1;
};

// The step as a line of arithmetic, the way the animation writes it:
//   conv, one channel:  "3x0 + 3x1 + 2x2 + ... = 12"
//   several channels:   "(1x2 + ...) + (0x1 + ...) + 1 = 7"   (one group per channel, then bias)
//   pooling:            "max(1, 2, 0, 1) = 2"  or  "mean(1, 2, 0, 1) = 1"
std::string step_equation(TracedOp op, const TraceStep& step);

}  // namespace convscope
