// Matrix multiply for the layers: C = op(A) * op(B), or C += op(A) * op(B).
//
// Row-major storage. op(A) is (m x k): A itself, or the transpose of a stored (k x m)
// matrix; likewise op(B) is (k x n). lda, ldb and ldc are row strides as stored.
// Blocked and packed (Goto's scheme); float uses the widest micro-kernel the CPU has
// (AVX-512, else AVX2/FMA, checked at run time) and a portable one otherwise.
// Single-threaded: the network parallelises across the batch.
#pragma once

namespace convscope {

enum class Transpose { No, Yes };

template <typename Real>
void gemm(Transpose transpose_a, Transpose transpose_b, int m, int n, int k, const Real* a, int lda,
          const Real* b, int ldb, Real* c, int ldc, bool accumulate);

// The float micro-kernels, narrowest first.
enum class GemmKernel { Portable, Avx2, Avx512 };

// "avx512", "avx2+fma" or "portable": the float micro-kernel in use.
const char* gemm_kernel_name();
bool gemm_kernel_available(GemmKernel kernel);

// Caps the float kernel at `widest` (tests of every path, A/B benchmarks); the
// environment variable CONVSCOPE_GEMM_KERNEL=portable|avx2|avx512 sets the first cap.
// Every kernel adds the products of one C cell in the same order, so they agree to
// the bit wherever the CPU has fused multiply-add.
void limit_gemm_kernel(GemmKernel widest);

// Forces the portable float kernel, or lifts every cap.
void use_portable_gemm_kernel(bool portable);

}  // namespace convscope
