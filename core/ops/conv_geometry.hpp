// Convolution arithmetic: output sizes, padding modes and their formulas.
//
// One axis at a time (H and W may differ), for three kinds of operation:
//   conv        o = floor((i + p_before + p_after - k_eff) / s) + 1,  k_eff = (k - 1)d + 1
//   transposed  o = s(i - 1) + a + k_eff - 2p         (PyTorch's ConvTranspose2d)
//   pool        the conv formula with d = 1; stride defaults to the window
// Floor semantics throughout: i=4, k=3, p=1, s=2 is valid (o=2).
//
// Every setting takes one path: the controls' (or the CLI's) Options2d, with input and
// kernel sizes, become AxisParams; resolve_axis turns them into an AxisGeometry; the
// reference ops, the layers and the traces all read that ConvGeometry.
//
// Sections: padding modes; one axis (params, geometry, formula); both axes; the
// options ops and layers take and the geometry they resolve to.
#pragma once

#include <string>

#include "core/tensor/tensor.hpp"

namespace convscope {

// Which geometry an operation has: max and average pooling share Pool's.
enum class OpKind { Conv, TransposedConv, Pool };

// The one name for the kind of pooling, in the reference ops, the layers and the specs.
enum class PoolKind { Max, Average };

// Padding as the user gives it: a number, or a mode resolved against the kernel.
//   valid: 0.
//   same:  total k_eff - 1, split as PyTorch's padding='same' does: the smaller half
//          before, the larger after (k_eff = 4 pads 1 before, 2 after). At stride 1
//          o = i; at stride s, o = ceil(i / s).
//   full:  k_eff - 1 on both sides, so every input cell is read k times per axis.
// For a transposed conv the mode names the forward conv being transposed, so its
// padding is that conv's p (same keeps o = i at stride 1; full gives i - k_eff + 1).
struct Padding {
    enum class Mode { Explicit, Valid, Same, Full };
    Mode mode = Mode::Explicit;
    int amount = 0;  // used when mode == Explicit

    static Padding of(int amount) { return {Mode::Explicit, amount}; }
    // "2", "valid", "same" or "full"; throws InputError otherwise.
    static Padding parse(const std::string& text);
    std::string text() const;  // "2", "same", ...

    bool operator==(const Padding& other) const {
        return mode == other.mode && (mode != Mode::Explicit || amount == other.amount);
    }
};

// What the user sets for one axis.
struct AxisParams {
    int input = 1;
    int kernel = 1;
    int stride = 1;
    int dilation = 1;
    Padding padding;
    int output_padding = 0;  // transposed only: extra cells after the last one (a)

    bool operator==(const AxisParams& o) const {
        return input == o.input && kernel == o.kernel && stride == o.stride &&
               dilation == o.dilation && padding == o.padding && output_padding == o.output_padding;
    }
};

// One axis, resolved and validated.
struct AxisGeometry {
    int input = 1;
    int kernel = 1;
    int stride = 1;
    int dilation = 1;
    int pad_before = 0;
    int pad_after = 0;
    int output_padding = 0;
    int output = 1;

    int effective_kernel() const { return (kernel - 1) * dilation + 1; }
    int padded_input() const { return pad_before + input + pad_after; }
};

// Resolves padding modes and computes the output size. Throws InputError naming
// the value and the bound it breaks (stride 0, kernel larger than padded input, ...).
AxisGeometry resolve_axis(OpKind kind, const AxisParams& params);

// The formula with today's values: "o = floor((5 + 2*1 - 3) / 2) + 1 = 3".
std::string formula_text(OpKind kind, const AxisGeometry& axis);

// Both axes of one 2-D operation.
struct ConvGeometry {
    OpKind kind = OpKind::Conv;
    AxisGeometry h;
    AxisGeometry w;

    // True for a real input cell, false for one in the padding ring.
    bool is_input_cell(int y, int x) const {
        return y >= 0 && y < h.input && x >= 0 && x < w.input;
    }
};

ConvGeometry resolve_geometry(OpKind kind, const AxisParams& h, const AxisParams& w);

// Stride, padding, dilation and output padding of one axis, as ops and layers take
// them; input and kernel sizes come from the tensors.
struct AxisOptions {
    int stride = 1;
    Padding padding;
    int dilation = 1;
    int output_padding = 0;
};

struct Options2d {
    AxisOptions h;
    AxisOptions w;

    static Options2d uniform(int stride, Padding padding, int dilation = 1, int output_padding = 0);
};

// Options for a pool whose stride equals its window (the default in PyTorch).
Options2d pool_options(int window_h, int window_w, Padding padding = Padding::of(0));

AxisParams axis_params(int input, int kernel, const AxisOptions& options);

// Both axes of an operation on an input_h x input_w plane with a kernel_h x kernel_w
// kernel (or pooling window).
ConvGeometry resolve_geometry(OpKind kind, int input_h, int input_w, int kernel_h, int kernel_w,
                              const Options2d& options);

// The same for an input tensor (N,C,H,W): its H and W.
ConvGeometry geometry_of_input(OpKind kind, const Tensor& input, int kernel_h, int kernel_w,
                               const Options2d& options);

const char* op_kind_name(OpKind kind);  // "conv", "transposed conv", "pool"

}  // namespace convscope
