// Matrix multiply for the layers: C = op(A) * op(B), or C += op(A) * op(B).
//
// Row-major storage. op(A) is (m x k): A itself, or the transpose of a stored (k x m)
// matrix; likewise op(B) is (k x n). lda, ldb and ldc are row strides as stored.
// Blocked and packed (Goto's scheme); float uses an AVX2/FMA micro-kernel when the CPU
// has one (checked at run time) and a portable one otherwise. Single-threaded: the
// network parallelises across the batch.
#pragma once

namespace convscope {

enum class Transpose { No, Yes };

template <typename Real>
void gemm(Transpose transpose_a, Transpose transpose_b, int m, int n, int k, const Real* a, int lda,
          const Real* b, int ldb, Real* c, int ldc, bool accumulate);

// "avx2+fma" or "portable": the float micro-kernel in use.
const char* gemm_kernel_name();

// Forces the portable float kernel (for tests of the fallback and for benchmarks).
void use_portable_gemm_kernel(bool portable);

}  // namespace convscope
