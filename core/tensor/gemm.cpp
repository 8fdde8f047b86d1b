// Sections: block sizes, packing, kernel choice, the blocked driver.
#include "core/tensor/gemm.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/tensor/check.hpp"
#include "core/tensor/gemm_kernels.hpp"

namespace convscope {

using gemm_detail::KernelSet;
using gemm_detail::kTileRows;

namespace {

// ---- block sizes ----------------------------------------------------------------
// kDepth x kBlockCols of packed B stays in L2; kBlockRows x kDepth of packed A in L1/L2.
// kBlockCols is a multiple of every kernel's panel width.
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

// A block (rows x depth) as panels of kTileRows rows, each stored depth-major; short
// panels padded with zeros so the kernel never branches.
template <typename Real>
void pack_a(const MatrixView<Real>& a, int row0, int rows, int p0, int depth, Real* out) {
    for (int panel = 0; panel < rows; panel += kTileRows, out += kTileRows * depth) {
        const int height = std::min(kTileRows, rows - panel);
        if (height < kTileRows) std::fill(out, out + kTileRows * depth, Real(0));
        for (int i = 0; i < height; ++i) {
            const int row = row0 + panel + i;
            if (a.transposed) {  // op(A)[row][p] = stored[p][row]
                for (int p = 0; p < depth; ++p)
                    out[p * kTileRows + i] = a.data[static_cast<long>(p0 + p) * a.stride + row];
            } else {  // a contiguous stored row, read in order
                const Real* source = a.data + static_cast<long>(row) * a.stride + p0;
                for (int p = 0; p < depth; ++p) out[p * kTileRows + i] = source[p];
            }
        }
    }
}

// The width of the panel that starts `remaining` columns before a block's end.
template <typename Real>
int panel_width(const KernelSet<Real>& kernel, int remaining) {
    return remaining > kernel.narrow_width ? kernel.width : kernel.narrow_width;
}

// A block (depth x cols) as panels of panel_width() columns, each stored depth-major.
template <typename Real>
void pack_b(const KernelSet<Real>& kernel, const MatrixView<Real>& b, int p0, int depth, int col0,
            int cols, Real* out) {
    for (int panel = 0; panel < cols;) {
        const int width = panel_width(kernel, cols - panel);
        const int used = std::min(width, cols - panel);
        if (used < width) std::fill(out, out + width * depth, Real(0));
        if (b.transposed) {  // op(B)[p][col] = stored[col][p]: read each stored row in order
            int j = gemm_detail::transpose_blocks(
                b.data + static_cast<long>(col0 + panel) * b.stride + p0, b.stride, used, depth,
                out, width);
            for (; j < used; ++j) {
                const Real* source = b.data + static_cast<long>(col0 + panel + j) * b.stride + p0;
                for (int p = 0; p < depth; ++p) out[p * width + j] = source[p];
            }
        } else {
            for (int p = 0; p < depth; ++p) {
                const Real* source = b.data + static_cast<long>(p0 + p) * b.stride + col0 + panel;
                std::copy(source, source + used, out + p * width);
            }
        }
        out += width * depth;
        panel += width;
    }
}

// ---- kernel choice --------------------------------------------------------------
GemmKernel best_available() {
    static const GemmKernel best = gemm_detail::cpu_has_avx512()     ? GemmKernel::Avx512
                                   : gemm_detail::cpu_has_avx2_fma() ? GemmKernel::Avx2
                                                                     : GemmKernel::Portable;
    return best;
}

GemmKernel cap_from_environment() {
    const char* text = std::getenv("CONVSCOPE_GEMM_KERNEL");
    if (text && std::strcmp(text, "portable") == 0) return GemmKernel::Portable;
    if (text && std::strcmp(text, "avx2") == 0) return GemmKernel::Avx2;
    return GemmKernel::Avx512;
}

std::atomic<GemmKernel>& kernel_cap() {
    static std::atomic<GemmKernel> cap{cap_from_environment()};
    return cap;
}

GemmKernel kernel_in_use() {
    return std::min(best_available(), kernel_cap().load(std::memory_order_relaxed));
}

template <typename Real>
KernelSet<Real> choose_kernel() {
    return gemm_detail::portable_kernel<Real>();
}

template <>
KernelSet<float> choose_kernel<float>() {
    switch (kernel_in_use()) {
        case GemmKernel::Avx512:
            return gemm_detail::avx512_kernel();
        case GemmKernel::Avx2:
            return gemm_detail::avx2_kernel();
        case GemmKernel::Portable:
            break;
    }
    return gemm_detail::portable_kernel<float>();
}

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
    const KernelSet<Real> kernel = choose_kernel<Real>();
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
            pack_b(kernel, view_b, p0, depth, col0, cols, packed_b.data());
            for (int row0 = 0; row0 < m; row0 += kBlockRows) {
                const int rows = std::min(kBlockRows, m - row0);
                pack_a(view_a, row0, rows, p0, depth, packed_a.data());
                for (int j = 0; j < cols;) {
                    const int width = panel_width(kernel, cols - j);
                    const Real* panel_b = packed_b.data() + static_cast<long>(j) * depth;
                    for (int i = 0; i < round_up(rows, kTileRows); i += kTileRows) {
                        const Real* panel_a = packed_a.data() + static_cast<long>(i) * depth;
                        Real* tile_c = c + static_cast<long>(row0 + i) * ldc + col0 + j;
                        kernel.run(depth, panel_a, panel_b, width, tile_c, ldc,
                                   std::min(kTileRows, rows - i), std::min(width, cols - j), add);
                    }
                    j += width;
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
    return choose_kernel<float>().name;
}

bool gemm_kernel_available(GemmKernel kernel) {
    return kernel <= best_available();
}

void limit_gemm_kernel(GemmKernel widest) {
    kernel_cap().store(widest);
}

void use_portable_gemm_kernel(bool portable) {
    limit_gemm_kernel(portable ? GemmKernel::Portable : GemmKernel::Avx512);
}

}  // namespace convscope
