// Image kernels: applying one equals the reference convolution with 'same' padding on
// every channel, and each classic kernel does what its description says.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "core/images/image_kernels.hpp"
#include "core/ops/reference_ops.hpp"
#include "temp_folder.hpp"
#include "test_support.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The reference conv2d of one channel of `image` with `kernel`, 'same' padding.
Tensor reference_channel(const Tensor& image, int channel, const Tensor& kernel) {
    const int height = image.dim(1), width = image.dim(2);
    Tensor plane({1, 1, height, width});
    std::copy_n(image.data() + static_cast<std::size_t>(channel) * height * width,
                static_cast<std::size_t>(height) * width, plane.data());
    return conv2d(plane, kernel.as_rank4(), {},
                  Options2d::uniform(1, Padding{Padding::Mode::Same, 0}));
}

// Rows of brightness 0 on the left half, 1 on the right half.
Tensor vertical_edge(int height, int width) {
    Tensor image({1, height, width});
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) image.data()[y * width + x] = x < width / 2 ? 0.0f : 1.0f;
    return image;
}

float at(const Tensor& image, int y, int x) {
    return image.data()[y * image.dim(2) + x];
}

}  // namespace

TEST_CASE("apply_kernel equals the reference convolution on every channel") {
    std::mt19937 rng(11);
    const Tensor image = random_integer_tensor({3, 9, 12}, rng, 0, 5);
    for (const std::vector<int>& kernel_shape :
         std::vector<std::vector<int>>{{3, 3}, {5, 5}, {2, 4}, {1, 3}}) {
        const Tensor kernel = random_integer_tensor(kernel_shape, rng);
        const Tensor output = apply_kernel(image, kernel);
        REQUIRE(output.shape() == image.shape());
        for (int c = 0; c < 3; ++c) {
            const Tensor expected = reference_channel(image, c, kernel);
            const float* got = output.data() + c * 9 * 12;
            for (int i = 0; i < 9 * 12; ++i) CHECK(got[i] == expected.data()[i]);
        }
    }
}

TEST_CASE("classic kernels keep brightness or sum to zero as their kind says") {
    REQUIRE(classic_kernels().size() == 9);
    for (const ImageKernel& kernel : classic_kernels()) {
        CAPTURE(kernel.name);
        const float sum =
            std::accumulate(kernel.weights.values().begin(), kernel.weights.values().end(), 0.0f);
        // Brightness-keeping kernels sum to 1 (a flat image stays flat); edge detectors to
        // 0 (a flat image vanishes).
        CHECK(sum == doctest::Approx(kernel.signed_output ? 0.0 : 1.0));
        CHECK(!kernel.description.empty());
        CHECK(&classic_kernel(kernel.name) == &kernel);
    }
}

TEST_CASE("identity returns the image and blurs keep a flat interior") {
    std::mt19937 rng(3);
    const Tensor image = random_integer_tensor({1, 6, 7}, rng, 0, 9);
    CHECK(apply_kernel(image, classic_kernel("identity").weights).values() == image.values());

    const Tensor flat({1, 9, 9}, 0.25f);
    for (const char* name : {"box-blur", "gaussian-blur", "sharpen"}) {
        CAPTURE(name);
        const Tensor out = apply_kernel(flat, classic_kernel(name).weights);
        CHECK(at(out, 4, 4) == doctest::Approx(0.25));
        // Zero padding darkens the corner for a blur: the window reaches past the edge.
        if (std::string(name) != "sharpen") CHECK(at(out, 0, 0) < 0.25f);
    }
}

TEST_CASE("Sobel x finds a vertical edge and Sobel y ignores it") {
    const Tensor edge = vertical_edge(8, 8);
    const Tensor sobel_x = apply_kernel(edge, classic_kernel("sobel-x").weights);
    const Tensor sobel_y = apply_kernel(edge, classic_kernel("sobel-y").weights);
    // Brighter to the right: +1+2+1 across the boundary between columns 3 and 4.
    CHECK(at(sobel_x, 4, 3) == 4.0f);
    CHECK(at(sobel_x, 4, 4) == 4.0f);
    CHECK(at(sobel_x, 4, 1) == 0.0f);
    CHECK(at(sobel_x, 4, 6) == 0.0f);
    for (int x = 0; x < 8; ++x) CHECK(at(sobel_y, 4, x) == 0.0f);
}

TEST_CASE("the Laplacian is zero on a steady gradient and not on a line") {
    Tensor ramp({1, 7, 7});
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) ramp.data()[y * 7 + x] = 0.1f * x + 0.05f * y;
    const Tensor flat_response = apply_kernel(ramp, classic_kernel("laplacian").weights);
    for (int y = 1; y < 6; ++y)
        for (int x = 1; x < 6; ++x)
            CHECK(at(flat_response, y, x) == doctest::Approx(0).epsilon(1e-6));
    Tensor line({1, 7, 7});
    for (int y = 0; y < 7; ++y) line.data()[y * 7 + 3] = 1.0f;
    const Tensor line_response = apply_kernel(line, classic_kernel("laplacian").weights);
    CHECK(at(line_response, 3, 3) == -2.0f);
    CHECK(at(line_response, 3, 2) == 1.0f);
}

TEST_CASE("custom kernels are checked and may have even sides") {
    std::mt19937 rng(8);
    const Tensor image = random_integer_tensor({1, 5, 6}, rng, 0, 3);
    const ImageKernel two_by_two = custom_kernel(Tensor({2, 2}, {1, 2, 3, 4}));
    CHECK(two_by_two.signed_output);
    const Tensor out = apply_kernel(image, two_by_two.weights);
    REQUIRE(out.shape() == image.shape());
    // 'same' with an even kernel pads after: cell (0, 0) reads (0..1, 0..1).
    CHECK(at(out, 0, 0) ==
          at(image, 0, 0) + 2 * at(image, 0, 1) + 3 * at(image, 1, 0) + 4 * at(image, 1, 1));

    CHECK(contains(input_error_of([] { custom_kernel(Tensor({3}, {1, 2, 3})); }), "2-D grid"));
    CHECK(contains(input_error_of([] { custom_kernel(Tensor({16, 3})); }), "at most 15x15"));
    CHECK(contains(input_error_of([] { custom_kernel(Tensor({1, 1}, {NAN})); }), "finite"));
    const std::string unknown = input_error_of([] { classic_kernel("blurry"); });
    CHECK(contains(unknown, "'blurry'"));
    CHECK(contains(unknown, "sobel-x"));
}
