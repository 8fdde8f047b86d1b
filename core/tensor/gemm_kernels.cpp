// Sections: the portable kernel, AVX2/FMA, AVX-512, CPU detection.
#include "core/tensor/gemm_kernels.hpp"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CONVSCOPE_X86 1
#endif

namespace convscope {
namespace gemm_detail {

namespace {

constexpr int kRows = kTileRows;

template <typename Real>
void store_tile(const Real* tile, int width, Real* c, int ldc, int rows, int cols, bool add) {
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) {
            Real& out = c[static_cast<long>(i) * ldc + j];
            out = add ? out + tile[i * width + j] : tile[i * width + j];
        }
}

// ---- the portable kernel ------------------------------------------------------------
template <typename Real>
void micro_kernel_portable(int depth, const Real* a, const Real* b, int width, Real* c, int ldc,
                           int rows, int cols, bool add) {
    constexpr int kWidth = 16;  // the only width portable_kernel() asks the packing for
    (void)width;
    Real tile[kRows * kWidth] = {};
    for (int p = 0; p < depth; ++p, a += kRows, b += kWidth)
        for (int i = 0; i < kRows; ++i)
            for (int j = 0; j < kWidth; ++j) tile[i * kWidth + j] += a[i] * b[j];
    store_tile(tile, kWidth, c, ldc, rows, cols, add);
}

#ifdef CONVSCOPE_X86
// ---- AVX2 and FMA -------------------------------------------------------------------
__attribute__((target("avx2,fma"))) void micro_kernel_avx2(int depth, const float* a,
                                                           const float* b, int /*width*/, float* c,
                                                           int ldc, int rows, int cols, bool add) {
    __m256 acc[kRows][2];
    for (int i = 0; i < kRows; ++i) acc[i][0] = acc[i][1] = _mm256_setzero_ps();
    for (int p = 0; p < depth; ++p, a += kRows, b += 16) {
        const __m256 b0 = _mm256_loadu_ps(b);
        const __m256 b1 = _mm256_loadu_ps(b + 8);
        for (int i = 0; i < kRows; ++i) {
            const __m256 ai = _mm256_broadcast_ss(a + i);
            acc[i][0] = _mm256_fmadd_ps(ai, b0, acc[i][0]);
            acc[i][1] = _mm256_fmadd_ps(ai, b1, acc[i][1]);
        }
    }
    if (rows == kRows && cols == 16) {
        for (int i = 0; i < kRows; ++i) {
            float* row = c + static_cast<long>(i) * ldc;
            if (add) {
                acc[i][0] = _mm256_add_ps(acc[i][0], _mm256_loadu_ps(row));
                acc[i][1] = _mm256_add_ps(acc[i][1], _mm256_loadu_ps(row + 8));
            }
            _mm256_storeu_ps(row, acc[i][0]);
            _mm256_storeu_ps(row + 8, acc[i][1]);
        }
        return;
    }
    alignas(32) float tile[kRows * 16];
    for (int i = 0; i < kRows; ++i) {
        _mm256_store_ps(tile + i * 16, acc[i][0]);
        _mm256_store_ps(tile + i * 16 + 8, acc[i][1]);
    }
    store_tile(tile, 16, c, ldc, rows, cols, add);
}

// ---- AVX-512 ------------------------------------------------------------------------
// Vectors zmm registers per row: 2 (32 columns) or 1 (16). Edges are written with
// masked loads and stores instead of going through memory.
template <int Vectors>
__attribute__((target("avx512f"))) void avx512_tile(int depth, const float* a, const float* b,
                                                    float* c, int ldc, int rows, int cols,
                                                    bool add) {
    constexpr int kWidth = 16 * Vectors;
    __m512 acc[kRows][Vectors];
    for (int i = 0; i < kRows; ++i)
        for (int v = 0; v < Vectors; ++v) acc[i][v] = _mm512_setzero_ps();
    for (int p = 0; p < depth; ++p, a += kRows, b += kWidth) {
        __m512 bv[Vectors];
        for (int v = 0; v < Vectors; ++v) bv[v] = _mm512_loadu_ps(b + 16 * v);
        for (int i = 0; i < kRows; ++i) {
            const __m512 ai = _mm512_set1_ps(a[i]);
            for (int v = 0; v < Vectors; ++v) acc[i][v] = _mm512_fmadd_ps(ai, bv[v], acc[i][v]);
        }
    }
    __mmask16 masks[Vectors];
    for (int v = 0; v < Vectors; ++v) {
        const int lanes = cols - 16 * v < 0 ? 0 : (cols - 16 * v > 16 ? 16 : cols - 16 * v);
        masks[v] = static_cast<__mmask16>((1u << lanes) - 1u);
    }
    for (int i = 0; i < rows; ++i) {
        float* row = c + static_cast<long>(i) * ldc;
        for (int v = 0; v < Vectors; ++v) {
            __m512 out = acc[i][v];
            if (add) out = _mm512_add_ps(out, _mm512_maskz_loadu_ps(masks[v], row + 16 * v));
            _mm512_mask_storeu_ps(row + 16 * v, masks[v], out);
        }
    }
}

__attribute__((target("avx512f"))) void micro_kernel_avx512(int depth, const float* a,
                                                            const float* b, int width, float* c,
                                                            int ldc, int rows, int cols, bool add) {
    if (width == 32) {
        avx512_tile<2>(depth, a, b, c, ldc, rows, cols, add);
    } else {
        avx512_tile<1>(depth, a, b, c, ldc, rows, cols, add);
    }
}
#endif

}  // namespace

template <typename Real>
KernelSet<Real> portable_kernel() {
    return {"portable", 16, 16, &micro_kernel_portable<Real>};
}
template KernelSet<float> portable_kernel<float>();
template KernelSet<double> portable_kernel<double>();

#ifdef CONVSCOPE_X86
KernelSet<float> avx2_kernel() {
    return {"avx2+fma", 16, 16, &micro_kernel_avx2};
}

KernelSet<float> avx512_kernel() {
    return {"avx512", 32, 16, &micro_kernel_avx512};
}

// ---- transposed packing ---------------------------------------------------------------
namespace {

// The classic 8 x 8 transpose: unpack pairs, then 64-bit pairs, then 128-bit halves.
__attribute__((target("avx2"))) void transpose_8x8(const float* source, int stride, float* out,
                                                   int width) {
    __m256 r[8], t[8];
    for (int i = 0; i < 8; ++i) r[i] = _mm256_loadu_ps(source + static_cast<long>(i) * stride);
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);
    }
    for (int i = 0; i < 8; i += 4)
        for (int h = 0; h < 2; ++h) {
            r[i + h] = _mm256_shuffle_ps(t[i + h], t[i + h + 2], _MM_SHUFFLE(1, 0, 1, 0));
            r[i + h + 2] = _mm256_shuffle_ps(t[i + h], t[i + h + 2], _MM_SHUFFLE(3, 2, 3, 2));
        }
    // r[0..3] and r[4..7] now hold columns (0,4), (2,6), (1,5), (3,7) as 128-bit halves.
    const int order[4] = {0, 2, 1, 3};
    for (int q = 0; q < 4; ++q) {
        const __m256 low = r[order[q]], high = r[4 + order[q]];
        _mm256_storeu_ps(out + static_cast<long>(q) * width,
                         _mm256_permute2f128_ps(low, high, 0x20));
        _mm256_storeu_ps(out + static_cast<long>(q + 4) * width,
                         _mm256_permute2f128_ps(low, high, 0x31));
    }
}

__attribute__((target("avx2"))) int transpose_blocks_avx2(const float* source, int stride, int rows,
                                                          int depth, float* out, int width) {
    const int whole_rows = rows / 8 * 8;
    const int whole_depth = depth / 8 * 8;
    for (int j = 0; j < whole_rows; j += 8) {
        const float* block = source + static_cast<long>(j) * stride;
        int p = 0;
        for (; p < whole_depth; p += 8)
            transpose_8x8(block + p, stride, out + p * width + j, width);
        for (; p < depth; ++p)
            for (int i = 0; i < 8; ++i)
                out[p * width + j + i] = block[static_cast<long>(i) * stride + p];
    }
    return whole_rows;
}

}  // namespace

int transpose_blocks(const float* source, int stride, int rows, int depth, float* out, int width) {
    if (!cpu_has_avx2_fma()) return 0;
    return transpose_blocks_avx2(source, stride, rows, depth, out, width);
}

// ---- CPU detection ------------------------------------------------------------------
bool cpu_has_avx2_fma() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

bool cpu_has_avx512() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}
#else
int transpose_blocks(const float*, int, int, int, float*, int) {
    return 0;
}

KernelSet<float> avx2_kernel() {
    return portable_kernel<float>();
}

KernelSet<float> avx512_kernel() {
    return portable_kernel<float>();
}

bool cpu_has_avx2_fma() {
    return false;
}

bool cpu_has_avx512() {
    return false;
}
#endif

int transpose_blocks(const double*, int, int, int, double*, int) {
    return 0;
}

}  // namespace gemm_detail
}  // namespace convscope
