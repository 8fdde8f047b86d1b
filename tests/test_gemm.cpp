// The blocked GEMM against plain loops in double, for every transpose, every kernel,
// and sizes that cross every block edge (rows 96, depth 256, columns 512).
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

#include "core/tensor/gemm.hpp"
#include "skip_case.hpp"

using namespace convscope;

namespace {

struct Case {
    int m, n, k;
};

// C = op(A) op(B) (+ C) with plain loops in double.
std::vector<double> naive(bool ta, bool tb, const Case& s, const std::vector<float>& a,
                          const std::vector<float>& b, const std::vector<float>& c, bool acc) {
    const int lda = ta ? s.m : s.k, ldb = tb ? s.k : s.n;
    std::vector<double> out(static_cast<std::size_t>(s.m) * s.n);
    for (int i = 0; i < s.m; ++i)
        for (int j = 0; j < s.n; ++j) {
            double sum = acc ? c[i * s.n + j] : 0.0;
            for (int p = 0; p < s.k; ++p) {
                const double av = ta ? a[p * lda + i] : a[i * lda + p];
                const double bv = tb ? b[j * ldb + p] : b[p * ldb + j];
                sum += av * bv;
            }
            out[i * s.n + j] = sum;
        }
    return out;
}

void check_case(const Case& s, bool ta, bool tb, bool acc, std::mt19937& rng) {
    std::uniform_real_distribution<float> value(-1.0f, 1.0f);
    std::vector<float> a(static_cast<std::size_t>(s.m) * s.k),
        b(static_cast<std::size_t>(s.k) * s.n), c(static_cast<std::size_t>(s.m) * s.n);
    for (float& x : a) x = value(rng);
    for (float& x : b) x = value(rng);
    for (float& x : c) x = value(rng);
    const std::vector<double> expected = naive(ta, tb, s, a, b, c, acc);
    gemm(ta ? Transpose::Yes : Transpose::No, tb ? Transpose::Yes : Transpose::No, s.m, s.n, s.k,
         a.data(), ta ? s.m : s.k, b.data(), tb ? s.k : s.n, c.data(), s.n, acc);
    double worst = 0;
    for (std::size_t i = 0; i < c.size(); ++i)
        worst = std::max(worst, std::abs(c[i] - expected[i]));
    INFO("m=" << s.m << " n=" << s.n << " k=" << s.k << " ta=" << ta << " tb=" << tb
              << " accumulate=" << acc);
    CHECK(worst <= 1e-5 * (1 + s.k));
}

void check_all(std::mt19937& rng) {
    const Case cases[] = {{1, 1, 1},   {6, 16, 1},    {7, 17, 3},    {30, 576, 25}, {30, 25, 576},
                          {25, 30, 7}, {97, 33, 300}, {5, 530, 260}, {50, 100, 97}, {13, 1, 40}};
    for (const Case& s : cases)
        for (int t = 0; t < 4; ++t)
            for (bool acc : {false, true}) check_case(s, t & 1, t & 2, acc, rng);
    std::uniform_int_distribution<int> size(1, 70);
    for (int i = 0; i < 40; ++i)
        check_case({size(rng), size(rng), size(rng)}, i & 1, i & 2, i & 4, rng);
}

}  // namespace

TEST_CASE("gemm matches plain loops with the kernel the CPU picks") {
    std::mt19937 rng(1);
    use_portable_gemm_kernel(false);
    check_all(rng);
}

TEST_CASE("gemm matches plain loops with the avx2 kernel") {
    if (!gemm_kernel_available(GemmKernel::Avx2)) SKIP_TEST_CASE("this CPU has no AVX2 and FMA");
    std::mt19937 rng(3);
    limit_gemm_kernel(GemmKernel::Avx2);
    CHECK(std::string(gemm_kernel_name()) == "avx2+fma");
    check_all(rng);
    use_portable_gemm_kernel(false);
}

TEST_CASE("the avx2 and avx512 kernels agree to the bit") {
    if (!gemm_kernel_available(GemmKernel::Avx512)) SKIP_TEST_CASE("this CPU has no AVX-512");
    std::mt19937 rng(4);
    std::uniform_real_distribution<float> value(-1.0f, 1.0f);
    const int m = 50, n = 100, k = 300;  // a fringe panel and two depth blocks
    std::vector<float> a(m * k), b(k * n), wide(m * n), narrow(m * n);
    for (float& x : a) x = value(rng);
    for (float& x : b) x = value(rng);
    use_portable_gemm_kernel(false);
    gemm(Transpose::No, Transpose::Yes, m, n, k, a.data(), k, b.data(), k, wide.data(), n, false);
    limit_gemm_kernel(GemmKernel::Avx2);
    gemm(Transpose::No, Transpose::Yes, m, n, k, a.data(), k, b.data(), k, narrow.data(), n, false);
    use_portable_gemm_kernel(false);
    CHECK(wide == narrow);
}

TEST_CASE("gemm matches plain loops with the portable kernel") {
    std::mt19937 rng(2);
    use_portable_gemm_kernel(true);
    CHECK(std::string(gemm_kernel_name()) == "portable");
    check_all(rng);
    use_portable_gemm_kernel(false);
}

TEST_CASE("gemm in double is exact on small integers") {
    // op(A) = [[1,2],[3,4]] stored transposed, B = [[5,6],[7,8]]: C = [[19,22],[43,50]]
    const double a[] = {1, 3, 2, 4}, b[] = {5, 6, 7, 8};
    double c[4] = {1, 1, 1, 1};
    gemm(Transpose::Yes, Transpose::No, 2, 2, 2, a, 2, b, 2, c, 2, false);
    CHECK(c[0] == 19);
    CHECK(c[1] == 22);
    CHECK(c[2] == 43);
    CHECK(c[3] == 50);
    gemm(Transpose::Yes, Transpose::No, 2, 2, 2, a, 2, b, 2, c, 2, true);
    CHECK(c[3] == 100);
}
