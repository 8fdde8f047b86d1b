// Reference ops on the chapter's hand-checkable examples. Random multi-channel cases
// against PyTorch live in test_pytorch_parity.cpp.
#include <doctest/doctest.h>

#include <random>

#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"
#include "tests/test_support.hpp"

using namespace convscope;

namespace {

Tensor random_tensor(std::vector<int> shape, std::mt19937& rng) {
    return testing::random_integer_tensor(std::move(shape), rng, -3, 3);
}

const Tensor kSeedInput({1, 1, 5, 5}, {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2,
                                       2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1});
const Tensor kSeedKernel({1, 1, 3, 3}, {0, 1, 2, 2, 2, 0, 0, 1, 2});

// One channel (or one filter, or one batch item) cut out of a rank-4 tensor.
Tensor slice(const Tensor& t, int axis, int index) {
    std::vector<int> shape = t.shape();
    shape[axis] = 1;
    Tensor out(shape);
    for (int n = 0; n < shape[0]; ++n)
        for (int c = 0; c < shape[1]; ++c)
            for (int y = 0; y < shape[2]; ++y)
                for (int x = 0; x < shape[3]; ++x)
                    out.at(n, c, y, x) = t.at(axis == 0 ? index : n, axis == 1 ? index : c, y, x);
    return out;
}

const Options2d kPlain = Options2d::uniform(1, Padding::of(0));

}  // namespace

TEST_CASE("seed 2.2: the 5x5 input and the 3x3 kernel give the chapter's 3x3 output") {
    const Tensor out = conv2d(kSeedInput, kSeedKernel, {}, kPlain);
    CHECK(out.shape() == std::vector<int>{1, 1, 3, 3});
    CHECK(out.values() == std::vector<float>{12, 12, 17, 10, 17, 19, 9, 6, 14});
}

TEST_CASE("seed 2.2: the bias is added to every output element") {
    const Tensor out = conv2d(kSeedInput, kSeedKernel, {3}, kPlain);
    CHECK(out.values() == std::vector<float>{15, 15, 20, 13, 20, 22, 12, 9, 17});
}

TEST_CASE("seed 2.3: padding 1 keeps a 4x4 input 4x4; corners read padded zeros") {
    const Tensor input({1, 1, 4, 4}, {1, 2, 3, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1});
    const Tensor kernel({1, 1, 3, 3}, {2, 0, 1, 0, 1, 2, 1, 0, 2});
    const Tensor out = conv2d(input, kernel, {}, Options2d::uniform(1, Padding::of(1)));
    CHECK(out.shape() == std::vector<int>{1, 1, 4, 4});
    // Top-left: the window covers padded row -1 and column -1, so only
    // 1*1 + 2*2 (row 0) and 0*0 + 1*2 (row 1) remain: 1 + 4 + 0 + 2 = 7.
    CHECK(out.at(0, 0, 0, 0) == 7);
    // The centre cells equal the unpadded convolution.
    const Tensor valid = conv2d(input, kernel, {}, kPlain);
    CHECK(out.at(0, 0, 1, 1) == valid.at(0, 0, 0, 0));
    CHECK(out.at(0, 0, 2, 2) == valid.at(0, 0, 1, 1));
}

TEST_CASE("seed 2.3 and 2.4: same; full and strided outputs have the chapter's sizes") {
    CHECK(
        conv2d(kSeedInput, kSeedKernel, {}, Options2d::uniform(1, Padding::parse("same"))).dim(2) ==
        5);
    CHECK(
        conv2d(kSeedInput, kSeedKernel, {}, Options2d::uniform(1, Padding::parse("full"))).dim(2) ==
        7);
    const Tensor strided =
        conv2d(kSeedInput, kSeedKernel, {}, Options2d::uniform(2, Padding::of(1)));
    CHECK(strided.dim(2) == 3);
    // Stride 2 reads every other window of the padded input.
    const Tensor dense = conv2d(kSeedInput, kSeedKernel, {}, Options2d::uniform(1, Padding::of(1)));
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x) CHECK(strided.at(0, 0, y, x) == dense.at(0, 0, 2 * y, 2 * x));
}

TEST_CASE("seed 2.5: a 3x5x5 input and a 3x3x3 kernel give 1x3x3: the channel sums") {
    std::mt19937 rng(7);
    const Tensor input = random_tensor({1, 3, 5, 5}, rng);
    const Tensor kernel = random_tensor({1, 3, 3, 3}, rng);
    const Tensor out = conv2d(input, kernel, {}, kPlain);
    CHECK(out.shape() == std::vector<int>{1, 1, 3, 3});  // the seed says (2,2); (3,3) is right
    Tensor sum({1, 1, 3, 3});
    for (int c = 0; c < 3; ++c) {
        const Tensor part = conv2d(slice(input, 1, c), slice(kernel, 1, c), {}, kPlain);
        for (std::size_t i = 0; i < sum.size(); ++i) sum.data()[i] += part.data()[i];
    }
    CHECK(out.values() == sum.values());
}

TEST_CASE("seed 2.5 and 2.6: FN filters give FN maps; bias per filter; batch item by item") {
    std::mt19937 rng(11);
    const Tensor input = random_tensor({2, 3, 6, 5}, rng);   // (N, C, H, W)
    const Tensor kernel = random_tensor({4, 3, 3, 2}, rng);  // (FN, C, KH, KW)
    const std::vector<float> bias = {1, -2, 0.5f, 3};
    const Tensor out = conv2d(input, kernel, bias, kPlain);
    CHECK(out.shape() == std::vector<int>{2, 4, 4, 4});  // (N, FN, OH, OW)
    for (int n = 0; n < 2; ++n)
        for (int f = 0; f < 4; ++f) {
            const Tensor one = conv2d(slice(input, 0, n), slice(kernel, 0, f), {bias[f]}, kPlain);
            CHECK(slice(slice(out, 0, n), 1, f).values() == one.values());
        }
}

TEST_CASE("dilation spreads the kernel: equal to a zero-stuffed kernel") {
    std::mt19937 rng(3);
    const Tensor input = random_tensor({1, 1, 7, 7}, rng);
    const Tensor kernel = random_tensor({1, 1, 2, 2}, rng);
    Tensor stuffed({1, 1, 3, 3});
    stuffed.at(0, 0, 0, 0) = kernel.at(0, 0, 0, 0);
    stuffed.at(0, 0, 0, 2) = kernel.at(0, 0, 0, 1);
    stuffed.at(0, 0, 2, 0) = kernel.at(0, 0, 1, 0);
    stuffed.at(0, 0, 2, 2) = kernel.at(0, 0, 1, 1);
    CHECK(conv2d(input, kernel, {}, Options2d::uniform(1, Padding::of(0), 2)).values() ==
          conv2d(input, stuffed, {}, kPlain).values());
}

TEST_CASE("transposed conv is the adjoint of conv: <conv(x) y> == <x convT(y)>") {
    std::mt19937 rng(5);
    const Options2d options = Options2d::uniform(2, Padding::of(1), 1);
    const Tensor x = random_tensor({1, 2, 6, 5}, rng);
    const Tensor w =
        random_tensor({3, 2, 3, 3}, rng);  // conv (F=3, C=2); transposed reads it as (C=3, F=2)
    const Tensor cx = conv2d(x, w, {}, options);
    const Tensor y = random_tensor(cx.shape(), rng);
    Options2d back = options;
    back.h.output_padding = 1;  // 6 = 2*(3-1) + a + 3 - 2 needs a = 1
    back.w.output_padding = 0;  // 5 = 2*(3-1) + 0 + 3 - 2
    const Tensor ty = conv_transpose2d(y, w, {}, back);
    REQUIRE(ty.shape() == x.shape());
    double left = 0, right = 0;
    for (std::size_t i = 0; i < cx.size(); ++i) left += cx.data()[i] * y.data()[i];
    for (std::size_t i = 0; i < x.size(); ++i) right += x.data()[i] * ty.data()[i];
    CHECK(left == right);
}

TEST_CASE("transposed conv of one pixel stamps the kernel at stride spacing") {
    const Tensor input({1, 1, 2, 2}, {1, 0, 0, 2});
    const Tensor kernel({1, 1, 2, 2}, {1, 2, 3, 4});
    const Tensor out = conv_transpose2d(input, kernel, {10}, Options2d::uniform(2, Padding::of(0)));
    CHECK(out.shape() == std::vector<int>{1, 1, 4, 4});
    CHECK(out.values() == std::vector<float>{11, 12, 10, 10, 13, 14, 10, 10,  //
                                             10, 10, 12, 14, 10, 10, 16, 18});
}

TEST_CASE("seed 3: max and average pooling; channels unchanged; no parameters") {
    const Tensor input({1, 2, 4, 4}, {1, 2, 1, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 4, 0, 1,  //
                                      1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 6});
    const Tensor max = max_pool2d(input, 2, 2, pool_options(2, 2));
    CHECK(max.shape() == std::vector<int>{1, 2, 2, 2});
    CHECK(max.values() == std::vector<float>{2, 3, 4, 2, 1, 1, 2, 6});
    const Tensor avg = avg_pool2d(input, 2, 2, pool_options(2, 2));
    CHECK(avg.values() == std::vector<float>{1, 1.5f, 2.25f, 1, 1, 1, 2, 3});
}

TEST_CASE("seed 3: max pooling is robust to a one-pixel shift inside the window") {
    Tensor a({1, 1, 4, 4}), b({1, 1, 4, 4});
    a.at(0, 0, 0, 0) = 9;  // the peak moves within its 2x2 window
    b.at(0, 0, 1, 1) = 9;
    CHECK(max_pool2d(a, 2, 2, pool_options(2, 2)).values() ==
          max_pool2d(b, 2, 2, pool_options(2, 2)).values());
}

TEST_CASE("padded pooling: max ignores padding; average counts it as zero") {
    const Tensor input({1, 1, 2, 2}, {-1, -2, -3, -4});
    const Options2d options = Options2d::uniform(1, Padding::of(1));
    const Tensor max = max_pool2d(input, 2, 2, options);
    CHECK(max.shape() == std::vector<int>{1, 1, 3, 3});
    CHECK(max.at(0, 0, 0, 0) == -1);  // not the padded 0
    const Tensor avg = avg_pool2d(input, 2, 2, options);
    CHECK(avg.at(0, 0, 0, 0) == -0.25f);
}

TEST_CASE("shape mismatches are input errors") {
    CHECK_THROWS_WITH_AS(conv2d(Tensor({1, 2, 5, 5}), Tensor({1, 3, 3, 3}), {}, kPlain),
                         "kernel has 3 channels but the input has 2: they must match", InputError);
    CHECK_THROWS_WITH_AS(conv2d(kSeedInput, kSeedKernel, {1, 2}, kPlain),
                         "bias has 2 values but there are 1 filters", InputError);
    CHECK_THROWS_AS(conv2d(Tensor({5, 5}), kSeedKernel, {}, kPlain), InputError);
    CHECK_THROWS_AS(conv_transpose2d(kSeedInput, Tensor({2, 1, 3, 3}), {}, kPlain), InputError);
    CHECK_THROWS_AS(avg_pool2d(kSeedInput, 2, 2, Options2d::uniform(2, Padding::of(0), 2)),
                    InputError);
}
