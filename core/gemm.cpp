// Sections: block sizes, packing, micro-kernels (portable, AVX2), the blocked driver.
#include "core/gemm.hpp"

#include <algorithm>
#include <atomic>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CONVSCOPE_X86 1
#endif

#include "core/check.hpp"

namespace convscope {

namespace {

// ---- block sizes ----------------------------------------------------------------
// A micro-tile is kRows x kCols of C held in registers (12 AVX2 registers for float).
// kDepth x kBlockCols of packed B stays in L2; kBlockRows x kDepth of packed A in L1/L2.
constexpr int kRows = 6;
constexpr int kCols = 16;
constexpr int kDepth = 256;
constexpr int kBlockRows = 96;
constexpr int kBlockCols = 512;

// ---- packing --------------------------------------------------------------------
// A matrix as stored, and whether op() transposes it.
template <typename Real>
struct MatrixView {
    const Real* data;
    int stride;
    bool transposed;  // stored as the transpose of op(X)
};

// A block (rows x depth) as panels of kRows rows, each stored depth-major; short
// panels padded with zeros so the kernel never branches.
template <typename Real>
void pack_a(const MatrixView<Real>& a, int row0, int rows, int p0, int depth, Real* out) {
    for (int panel = 0; panel < rows; panel += kRows, out += kRows * depth) {
        const int height = std::min(kRows, rows - panel);
        if (height < kRows) std::fill(out, out + kRows * depth, Real(0));
        for (int i = 0; i < height; ++i) {
            const int row = row0 + panel + i;
            if (a.transposed) {  // op(A)[row][p] = stored[p][row]
                for (int p = 0; p < depth; ++p)
                    out[p * kRows + i] = a.data[static_cast<long>(p0 + p) * a.stride + row];
            } else {  // a contiguous stored row, read in order
                const Real* source = a.data + static_cast<long>(row) * a.stride + p0;
                for (int p = 0; p < depth; ++p) out[p * kRows + i] = source[p];
            }
        }
    }
}

// A block (depth x cols) as panels of kCols columns, each stored depth-major.
template <typename Real>
void pack_b(const MatrixView<Real>& b, int p0, int depth, int col0, int cols, Real* out) {
    for (int panel = 0; panel < cols; panel += kCols, out += kCols * depth) {
        const int width = std::min(kCols, cols - panel);
        if (width < kCols) std::fill(out, out + kCols * depth, Real(0));
        if (b.transposed) {  // op(B)[p][col] = stored[col][p]: read each stored row in order
            for (int j = 0; j < width; ++j) {
                const Real* source = b.data + static_cast<long>(col0 + panel + j) * b.stride + p0;
                for (int p = 0; p < depth; ++p) out[p * kCols + j] = source[p];
            }
        } else {
            for (int p = 0; p < depth; ++p) {
                const Real* source = b.data + static_cast<long>(p0 + p) * b.stride + col0 + panel;
                std::copy(source, source + width, out + p * kCols);
            }
        }
    }
}

// ---- micro-kernels --------------------------------------------------------------
// C tile (rows x cols, at most kRows x kCols) = or += packed A panel * packed B panel.
template <typename Real>
void store_tile(const Real* tile, Real* c, int ldc, int rows, int cols, bool add) {
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) {
            Real& out = c[static_cast<long>(i) * ldc + j];
            out = add ? out + tile[i * kCols + j] : tile[i * kCols + j];
        }
}

template <typename Real>
void micro_kernel_portable(int depth, const Real* a, const Real* b, Real* c, int ldc, int rows,
                           int cols, bool add) {
    Real tile[kRows * kCols] = {};
    for (int p = 0; p < depth; ++p, a += kRows, b += kCols)
        for (int i = 0; i < kRows; ++i)
            for (int j = 0; j < kCols; ++j) tile[i * kCols + j] += a[i] * b[j];
    store_tile(tile, c, ldc, rows, cols, add);
}

#ifdef CONVSCOPE_X86
__attribute__((target("avx2,fma"))) void micro_kernel_avx2(int depth, const float* a,
                                                           const float* b, float* c, int ldc,
                                                           int rows, int cols, bool add) {
    __m256 acc[kRows][2];
    for (int i = 0; i < kRows; ++i) acc[i][0] = acc[i][1] = _mm256_setzero_ps();
    for (int p = 0; p < depth; ++p, a += kRows, b += kCols) {
        const __m256 b0 = _mm256_loadu_ps(b);
        const __m256 b1 = _mm256_loadu_ps(b + 8);
        for (int i = 0; i < kRows; ++i) {
            const __m256 ai = _mm256_broadcast_ss(a + i);
            acc[i][0] = _mm256_fmadd_ps(ai, b0, acc[i][0]);
            acc[i][1] = _mm256_fmadd_ps(ai, b1, acc[i][1]);
        }
    }
    if (rows == kRows && cols == kCols) {
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
    alignas(32) float tile[kRows * kCols];
    for (int i = 0; i < kRows; ++i) {
        _mm256_store_ps(tile + i * kCols, acc[i][0]);
        _mm256_store_ps(tile + i * kCols + 8, acc[i][1]);
    }
    store_tile(tile, c, ldc, rows, cols, add);
}

bool cpu_has_avx2_fma() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#else
bool cpu_has_avx2_fma() {
    return false;
}
#endif

std::atomic<bool> force_portable{false};

bool avx2_in_use() {
    static const bool available = cpu_has_avx2_fma();
    return available && !force_portable.load(std::memory_order_relaxed);
}

template <typename Real>
void micro_kernel(int depth, const Real* a, const Real* b, Real* c, int ldc, int rows, int cols,
                  bool add) {
    micro_kernel_portable(depth, a, b, c, ldc, rows, cols, add);
}

#ifdef CONVSCOPE_X86
template <>
void micro_kernel<float>(int depth, const float* a, const float* b, float* c, int ldc, int rows,
                         int cols, bool add) {
    if (avx2_in_use()) {
        micro_kernel_avx2(depth, a, b, c, ldc, rows, cols, add);
    } else {
        micro_kernel_portable(depth, a, b, c, ldc, rows, cols, add);
    }
}
#endif

int round_up(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
}

}  // namespace

// ---- the blocked driver ---------------------------------------------------------
template <typename Real>
void gemm(Transpose transpose_a, Transpose transpose_b, int m, int n, int k, const Real* a, int lda,
          const Real* b, int ldb, Real* c, int ldc, bool accumulate) {
    CS_CHECK(m >= 0 && n >= 0 && k >= 0);
    if (m == 0 || n == 0) return;
    if (k == 0) {
        if (!accumulate)
            for (int i = 0; i < m; ++i)
                std::fill(c + static_cast<long>(i) * ldc, c + static_cast<long>(i) * ldc + n,
                          Real(0));
        return;
    }
    const MatrixView<Real> view_a{a, lda, transpose_a == Transpose::Yes};
    const MatrixView<Real> view_b{b, ldb, transpose_b == Transpose::Yes};
    // Packing buffers grow once per thread, then are reused: no allocation per call.
    thread_local std::vector<Real> packed_a(static_cast<std::size_t>(kBlockRows) * kDepth);
    thread_local std::vector<Real> packed_b(static_cast<std::size_t>(kDepth) * kBlockCols);

    for (int col0 = 0; col0 < n; col0 += kBlockCols) {
        const int cols = std::min(kBlockCols, n - col0);
        for (int p0 = 0; p0 < k; p0 += kDepth) {
            const int depth = std::min(kDepth, k - p0);
            const bool add = accumulate || p0 > 0;
            pack_b(view_b, p0, depth, col0, cols, packed_b.data());
            for (int row0 = 0; row0 < m; row0 += kBlockRows) {
                const int rows = std::min(kBlockRows, m - row0);
                pack_a(view_a, row0, rows, p0, depth, packed_a.data());
                for (int j = 0; j < round_up(cols, kCols); j += kCols) {
                    const Real* panel_b = packed_b.data() + static_cast<long>(j) * depth;
                    for (int i = 0; i < round_up(rows, kRows); i += kRows) {
                        const Real* panel_a = packed_a.data() + static_cast<long>(i) * depth;
                        Real* tile_c = c + static_cast<long>(row0 + i) * ldc + col0 + j;
                        micro_kernel(depth, panel_a, panel_b, tile_c, ldc,
                                     std::min(kRows, rows - i), std::min(kCols, cols - j), add);
                    }
                }
            }
        }
    }
}

template void gemm<float>(Transpose, Transpose, int, int, int, const float*, int, const float*, int,
                          float*, int, bool);
template void gemm<double>(Transpose, Transpose, int, int, int, const double*, int, const double*,
                           int, double*, int, bool);

const char* gemm_kernel_name() {
    return avx2_in_use() ? "avx2+fma" : "portable";
}

void use_portable_gemm_kernel(bool portable) {
    force_portable.store(portable);
}

}  // namespace convscope
