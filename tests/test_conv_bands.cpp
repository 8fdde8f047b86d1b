// ConvBands: a conv layer computed a band of output rows at a time equals the layer on the
// whole input to the bit, for odd sizes, strides, paddings (same, full, numbers),
// dilations, channels and band heights; its working set does not grow with the height.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "core/nn/conv_bands.hpp"
#include "random_layers.hpp"

using namespace convscope;

namespace {

std::vector<float> random_values(std::mt19937& rng, std::size_t count) {
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> values(count);
    for (float& v : values) v = normal(rng);
    return values;
}

// The whole-image forward: the simple version the bands are checked against.
std::vector<float> whole_forward(const LayerSpec& conv, Shape input,
                                 const std::vector<float>& parameters,
                                 const std::vector<float>& image) {
    auto layer = make_layer<float>(conv, input);
    std::vector<float> gradients(parameters.size());
    layer->bind(parameters.data(), gradients.data());
    layer->reserve(1);
    std::vector<float> out(static_cast<std::size_t>(layer->output_shape().size()));
    layer->forward(image.data(), out.data(), 1);
    return out;
}

// Every band of `bands` stitched into (F, OH, OW).
std::vector<float> banded_forward(ConvBands& bands, const std::vector<float>& parameters,
                                  const std::vector<float>& image) {
    const Shape out = bands.output_shape();
    std::vector<float> whole(static_cast<std::size_t>(out.size()));
    std::vector<float> band(bands.band_size());
    for (int b = 0; b < bands.band_count(); ++b) {
        bands.compute(parameters.data(), image.data(), b, band.data());
        for (int f = 0; f < out.channels; ++f)
            for (int r = 0; r < bands.rows_in_band(b); ++r)
                for (int x = 0; x < out.width; ++x)
                    whole[(static_cast<std::size_t>(f) * out.height + bands.first_row(b) + r) *
                              out.width +
                          x] =
                        band[(static_cast<std::size_t>(f) * bands.band_rows() + r) * out.width + x];
    }
    return whole;
}

void check_bands_equal_whole(const LayerSpec& conv, Shape input, std::mt19937& rng) {
    const auto probe = make_layer<float>(conv, input);
    const std::vector<float> parameters = random_values(rng, probe->parameter_count());
    const std::vector<float> image = random_values(rng, static_cast<std::size_t>(input.size()));
    const std::vector<float> expected = whole_forward(conv, input, parameters, image);
    const int height = probe->output_shape().height;
    for (int rows : {1, 2, 3, height / 2 + 1, height}) {
        ConvBands bands(conv, input, rows);
        CHECK(bands.output_shape() == probe->output_shape());
        CHECK(bands.parameter_count() == probe->parameter_count());
        CHECK(banded_forward(bands, parameters, image) == expected);  // exact, every float
    }
}

}  // namespace

TEST_CASE("bands equal the whole-image conv exactly: odd sizes, stride, same padding, dilation") {
    std::mt19937 rng(5);
    LayerSpec conv = LayerSpec::convolution(4, 5, 2, Padding{Padding::Mode::Same, 0}, 2);
    check_bands_equal_whole(conv, {2, 37, 23}, rng);
    check_bands_equal_whole(LayerSpec::convolution(30, 5), {1, 41, 29}, rng);  // SimpleConvNet's
    check_bands_equal_whole(LayerSpec::convolution(3, 3, 1, Padding{Padding::Mode::Full, 0}),
                            {3, 11, 13}, rng);
}

TEST_CASE("bands equal the whole-image conv exactly for random geometries") {
    std::mt19937 rng(11);
    for (int trial = 0; trial < 60; ++trial) {
        const testing::RandomConv c = testing::random_conv(rng);
        LayerSpec conv = LayerSpec::convolution(c.filters, 1);
        conv.kernel_h = c.kernel_h;
        conv.kernel_w = c.kernel_w;
        conv.options = c.options;
        CAPTURE(conv.text());
        CAPTURE(c.input.height);
        CAPTURE(c.input.width);
        check_bands_equal_whole(conv, c.input, rng);
    }
}

TEST_CASE("a band's working set grows with the width, never with the height") {
    const LayerSpec conv = LayerSpec::convolution(30, 5);
    const std::size_t budget = 48u << 20;
    const int rows = ConvBands::rows_for_budget(conv, {1, 4000, 4000}, budget);
    CHECK(rows >= 1);
    CHECK(ConvBands(conv, {1, 4000, 4000}, rows).working_bytes() <= budget);
    CHECK(ConvBands(conv, {1, 4000, 4000}, rows + 1).working_bytes() > budget);
    // Four times the height: the same band, the same bytes.
    CHECK(ConvBands::rows_for_budget(conv, {1, 16000, 4000}, budget) == rows);
    CHECK(ConvBands(conv, {1, 16000, 4000}, rows).working_bytes() ==
          ConvBands(conv, {1, 4000, 4000}, rows).working_bytes());
    // A band never needs more than one row of output, whatever the budget.
    CHECK(ConvBands::rows_for_budget(conv, {1, 100, 100}, 1) == 1);
}

TEST_CASE("a kernel larger than the image is refused as the layer refuses it") {
    CHECK_THROWS_AS(ConvBands(LayerSpec::convolution(2, 5), {1, 3, 9}, 4), InputError);
}
