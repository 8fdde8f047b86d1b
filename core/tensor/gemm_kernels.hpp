// The GEMM micro-kernels, internal to core/tensor/gemm.cpp: each multiplies one packed panel
// of A (depth x kTileRows, depth-major) by one packed panel of B (depth x width,
// depth-major) into a tile of C held in registers, then writes the tile's first
// `rows` x `cols` cells to C (or adds them when `add`). Packing pads short panels
// with zeros, so the inner loops never branch on the edges.
#pragma once

namespace convscope {
namespace gemm_detail {

// Rows of C per tile. Six keeps the presets' row counts (30 filters, batch slices of
// 50, 100 units) nearly free of padding.
constexpr int kTileRows = 6;

template <typename Real>
using MicroKernel = void (*)(int depth, const Real* a, const Real* b, int width, Real* c, int ldc,
                             int rows, int cols, bool add);

// One instruction set's kernel and the panel widths it takes: `width` columns, and a
// `narrow_width` one for a block's last columns when they fit it (AVX-512's 16-wide
// panel keeps 100 columns from being padded to 128).
template <typename Real>
struct KernelSet {
    const char* name;
    int width;
    int narrow_width;
    MicroKernel<Real> run;
};

// Any CPU: 16 columns, plain loops the compiler vectorises as it can.
template <typename Real>
KernelSet<Real> portable_kernel();
// x86 with AVX2 and FMA: 16 columns in two ymm registers per row.
KernelSet<float> avx2_kernel();
// x86 with AVX-512F: 32 columns in two zmm registers per row, or 16 in one.
KernelSet<float> avx512_kernel();

// Packs op(B) from a stored transpose in 8 x 8 blocks through registers: out[p * width
// + j] = source[j * stride + p] for p < depth and j below `rows` rounded down to 8 (the
// count returned; the caller packs the rest). Reading 8 rows at once keeps both the
// reads and the writes in whole cache lines, unlike one element per line.
int transpose_blocks(const float* source, int stride, int rows, int depth, float* out, int width);
// Doubles go element by element: returns 0.
int transpose_blocks(const double* source, int stride, int rows, int depth, double* out, int width);

bool cpu_has_avx2_fma();
bool cpu_has_avx512();

}  // namespace gemm_detail
}  // namespace convscope
