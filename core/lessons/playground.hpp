// The playground's settings and the scene built from them: what the student sets
// (sizes, padding, stride, dilation, channels, filters, batch, bias, values) and the
// tensors and step trace that follow. The GUI edits a PlaygroundSetup and rebuilds;
// an invalid setup throws InputError and the GUI keeps the last valid scene.
#pragma once

#include <cstdint>
#include <vector>

#include "core/lessons/trace.hpp"

namespace convscope {

struct PlaygroundSetup {
    TracedOp op = TracedOp::Conv;
    int batch = 1;     // N
    int channels = 1;  // C
    int filters = 1;   // FN (pooling keeps C)
    int input_h = 5, input_w = 5;
    int kernel_h = 3, kernel_w = 3;  // the window, for pooling
    Options2d options;
    int groups = 1;      // G, dividing C and FN: a filter reads C/G channels (conv only)
    bool one_d = false;  // 1-D: H = KH = 1 and the H axis plain; W is the length L
    bool has_bias = false;
    // Values: explicit when given (input N*C*H*W, kernel in the op's layout, bias FN),
    // otherwise small integers drawn from `seed`, so every scene is reproducible.
    std::uint32_t seed = 1;
    std::vector<float> input_values;
    std::vector<float> kernel_values;
    std::vector<float> bias_values;
};

// Upper bounds that keep every number on screen legible.
constexpr int kPlaygroundMaxSize = 16;     // input H, W, kernel H, W; stride, dilation, padding
constexpr int kPlaygroundMaxChannels = 4;  // C, FN and N
constexpr int kPlaygroundMaxLength = 32;   // a 1-D input's length L: one row has room

struct Playground {
    PlaygroundSetup setup;
    Tensor input;             // (N,C,H,W)
    Tensor kernel;            // in kernel_layout(op)'s order; empty for pooling
    std::vector<float> bias;  // FN values or empty
    OperationTrace trace;
    Tensor output;  // (N,FN,OH,OW): the reference op's output
};

// Throws InputError naming the setting and its bound. A 1-D setup is built with
// H = KH = 1 and the H axis unpadded and unstrided, whatever it held (p.setup shows so).
Playground build_playground(const PlaygroundSetup& setup);

// Weights of a grouped conv against a full one over the same C and FN (bias not
// counted): FN * C/G * KH * KW against FN * C * KH * KW, G times fewer.
struct ParameterCount {
    int grouped = 0;
    int full = 0;
};
ParameterCount parameter_count(const PlaygroundSetup& setup);

// The playground's setup with every value it computed with written out (the seeded ones
// too), so it rebuilds the same numbers whatever the seed: what a lesson file saves.
PlaygroundSetup with_explicit_values(const Playground& playground);

// One axis of the input as the lesson views draw it: the padded cells the operation
// reads before the real input, the input, the padded cells after it.
struct PaddedAxis {
    int before = 0;
    int input = 0;
    int after = 0;

    int size() const { return before + input + after; }
};
struct PaddingRing {
    PaddedAxis h, w;
};

// The padding ring around the playground's input: a conv's or a pool's padding on each
// side; none for a transposed conv, whose padding crops its output instead.
PaddingRing input_padding_ring(const Playground& playground);

// How many explicit values each tensor of a setup takes: input N*C*H*W, kernel
// FN*C*KH*KW in every operation's layout (pooling ignores it but keeps the values for
// a switch back), bias FN whether or not it is on. Negative extents count as zero.
struct PlaygroundValueCounts {
    std::size_t input = 0;
    std::size_t kernel = 0;
    std::size_t bias = 0;
};
PlaygroundValueCounts value_counts(const PlaygroundSetup& setup);

// `setup` with every explicit value list whose length no longer fits its tensor
// emptied, so the seed fills that tensor (a shape edit made the values the wrong length).
PlaygroundSetup without_values_that_no_longer_fit(PlaygroundSetup setup);

// Integers in [low, high] from a small deterministic generator (same on every platform).
std::vector<float> seeded_values(std::size_t count, std::uint32_t seed, int low, int high);

}  // namespace convscope
