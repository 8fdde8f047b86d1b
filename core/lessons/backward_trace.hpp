// The backward pass unrolled into steps, as the forward trace unrolls the forward one.
//
// Given the forward operation's input, kernel and bias and an upstream gradient dL/dY
// (N,F,OH,OW), each step computes one cell of a gradient and lists every product it sums:
//   dL/dW[f,c,ky,kx] = sum over items and windows of  x[n,c,in_y,in_x] * dY[n,f,oy,ox]
//   dL/db[f]         = sum over items and outputs of  dY[n,f,oy,ox]
//   dL/dX[n,c,y,x]   = sum over the outputs that read it of  dY[n,f,oy,ox] * w[f,c,ky,kx]
// Padded cells have no gradient: a window's padded taps add nothing to dL/dW (x = 0) and
// are not cells of dL/dX. Pooling has only dL/dX: max pooling routes each dY to its
// window's winner (factor 1, the other cells 0; the first maximum wins ties, as core's
// pool layer); average pooling spreads it by 1/(kh*kw), padding counted
// (count_include_pad=True, as the layer). Steps run dL/dW (filter, channel, kernel
// row-major), then dL/db, then dL/dX (item, channel, row-major). Tests check the totals
// against core's layers' backward and PyTorch's autograd.
#pragma once

#include <cstdint>
#include <vector>

#include "core/lessons/trace.hpp"

namespace convscope {

enum class GradientKind { Weight, Bias, Input };  // dL/dW, dL/db, dL/dX

// One product of a gradient cell's sum.
struct GradientTerm {
    int n = 0, f = 0, oy = 0, ox = 0;  // the dL/dY cell (f is the channel for pooling)
    int c = 0, in_y = 0, in_x = 0;     // the input cell (dW's x, dX's own cell)
    int k_y = 0, k_x = 0;              // the kernel (window) cell that joined them
    float grad_output = 0.0f;          // dY[n,f,oy,ox]
    // dW: the input value x; dX: the weight w, or pooling's share (1 or 0 for max,
    // 1/(kh*kw) for average); db: 1.
    float factor = 1.0f;
    float product = 0.0f;  // grad_output * factor
};

struct GradientStep {
    GradientKind kind = GradientKind::Weight;
    // dW: (f, c, y, x) = (filter, channel, ky, kx); db: f; dX: (n, c, y, x).
    int n = 0, f = 0, c = 0, y = 0, x = 0;
    std::vector<GradientTerm> terms;
    float value = 0.0f;  // the sum of the products
};

class BackwardTrace {
  public:
    // input (N,C,H,W), weight (F,C,KH,KW), grad_output (N,F,OH,OW); `has_bias` adds the
    // dL/db steps. Throws InputError naming grad_output's expected shape.
    static BackwardTrace conv(Tensor input, Tensor weight, bool has_bias, Tensor grad_output,
                              const Options2d& options);
    // MaxPool or AveragePool; input (N,C,H,W), grad_output (N,C,OH,OW).
    static BackwardTrace pool(TracedOp kind, Tensor input, int window_h, int window_w,
                              Tensor grad_output, const Options2d& options);

    TracedOp op() const { return forward_.op(); }
    const OperationTrace& forward() const { return forward_; }
    const Tensor& grad_output() const { return grad_output_; }
    bool has_bias() const { return has_bias_; }

    int weight_steps() const;  // F*C*KH*KW, 0 for pooling
    int bias_steps() const;    // F with a bias, else 0
    int input_steps() const;   // N*C*H*W
    int step_count() const { return weight_steps() + bias_steps() + input_steps(); }
    GradientStep step(int t) const;  // 0 <= t < step_count()
    // The step of a gradient cell, the inverse of step(t).
    int step_of(GradientKind kind, int n, int f, int c, int y, int x) const;

    // Max pooling: the input cell (y * W + x) that won output (n, c, oy, ox), or -1
    // (a dilated window that misses the input); -1 for every other operation.
    int winner(int n, int c, int oy, int ox) const;

    // Every step's value in its tensor's layout: what the layers' backward returns.
    Tensor grad_input() const;             // (N,C,H,W)
    Tensor grad_weight() const;            // (F,C,KH,KW); empty for pooling
    std::vector<float> grad_bias() const;  // F values, or empty without a bias

  private:
    GradientStep weight_step(int f, int c, int ky, int kx) const;
    GradientStep bias_step(int f) const;
    GradientStep input_step(int n, int c, int y, int x) const;

    OperationTrace forward_;
    Tensor grad_output_;
    bool has_bias_ = false;
    std::vector<int> winners_;  // max pooling: the winning input cell (y*W+x) per output, -1
};

// The shape dL/dY must have: the forward output's, (N, F, OH, OW).
std::vector<int> expected_grad_output_shape(const OperationTrace& forward);

// Small integers in [-2, 2] from `seed` (never all zero), shaped as the forward output.
Tensor seeded_grad_output(const OperationTrace& forward, std::uint32_t seed);

// The step as a line of arithmetic: "3x1 + 0x2 + 1x(-1) = 2"; "1 + -2 + 3 = 2" for db.
std::string gradient_equation(const GradientStep& step);

}  // namespace convscope
