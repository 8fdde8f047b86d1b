// Feature maps written in bounded memory: the streamed PNGs hold exactly the colours of
// render_map on the whole-image forward, the set appears whole or not at all, and the
// working set at the largest photo the CLI takes fits the 1 GB goal (issue 15).
#include <doctest/doctest.h>
#include <stb_image.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>

#include "core/formats/feature_map_files.hpp"
#include "core/formats/image_file.hpp"
#include "core/formats/png_rows.hpp"
#include "core/nn/network_probe.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using convscope::testing::TempFolder;

namespace {

std::vector<float> random_parameters(const NetworkSpec& spec, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 0.3f);
    std::vector<float> values(total_parameters(layer_summaries(spec)));
    for (float& v : values) v = normal(rng);
    return values;
}

Tensor random_image(int height, int width, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    Tensor image({1, height, width});
    for (std::size_t i = 0; i < image.size(); ++i) image.data()[i] = uniform(rng);
    return image;
}

RgbImage read_png(const std::string& path) {
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load(path.c_str(), &width, &height, &channels, 3), stbi_image_free);
    REQUIRE(pixels);
    RgbImage image{width, height, {}};
    image.rgb.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height * 3);
    return image;
}

bool same_pixels(const RgbImage& a, const RgbImage& b) {
    return a.width == b.width && a.height == b.height && a.rgb == b.rgb;
}

}  // namespace

TEST_CASE("streamed maps equal render_map of the whole forward, in many small bands") {
    NetworkSpec spec = simpleconvnet_spec();
    spec.layers[0] = LayerSpec::convolution(6, 5, 2, Padding{Padding::Mode::Same, 0});
    const std::vector<float> parameters = random_parameters(spec, 3);
    const Tensor image = random_image(41, 33, 4);
    const LayerActivation conv1 = convolutional_features(spec, parameters.data(), image).front();

    TempFolder folder;
    FeatureFileOptions options;
    options.band_budget = 1;  // one row per band: the most seams
    {
        StagedFolder staged(folder.path());
        const auto written =
            write_feature_map_files(spec, parameters.data(), image, staged, options);
        REQUIRE(written.size() == 1);
        CHECK(written[0].name == "conv1");
        CHECK(written[0].shape == conv1.shape);
        staged.commit();
    }
    std::vector<RgbImage> tiles;
    for (int c = 0; c < conv1.shape.channels; ++c) {
        const RgbImage expected =
            render_map(conv1.map(c), conv1.shape.height, conv1.shape.width, ColourMap::Diverging);
        CHECK(same_pixels(read_png(folder.file(map_file_name("conv1", c))), expected));
        tiles.push_back(
            scaled_nearest(expected, 96 / std::max(conv1.shape.height, conv1.shape.width)));
    }
    // Small maps: the sheet is the enlarged maps in a grid, as before.
    CHECK(same_pixels(read_png(folder.file("conv1_sheet.png")), contact_sheet(tiles)));
    // Nothing else is left: no staging folder, no temporaries.
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        CHECK(entry.path().filename().string()[0] != '.');
        ++files;
    }
    CHECK(files == conv1.shape.channels + 1);
}

TEST_CASE("a big map's sheet tile is the mean colour of each block") {
    NetworkSpec spec = simpleconvnet_spec();
    spec.layers[0] = LayerSpec::convolution(2, 3);
    const std::vector<float> parameters = random_parameters(spec, 5);
    const Tensor image = random_image(12, 9, 6);  // maps 10x7
    TempFolder folder;
    FeatureFileOptions options;
    options.sheet_tile_side = 4;  // factor 3: tiles 4x3, the last block partial
    {
        StagedFolder staged(folder.path());
        write_feature_map_files(spec, parameters.data(), image, staged, options);
        staged.commit();
    }
    const RgbImage map = read_png(folder.file("conv1_01.png"));
    const RgbImage sheet = read_png(folder.file("conv1_sheet.png"));
    CHECK(sheet.width == 2 + 2 * (3 + 2));
    CHECK(sheet.height == 2 + 4 + 2);
    // Tile 1's bottom-right pixel: the block of map rows 9, columns 6 (one pixel).
    const int left = 2 + 3 + 2, top = 2;
    for (int k = 0; k < 3; ++k) CHECK(sheet.pixel(top + 3, left + 2)[k] == map.pixel(9, 6)[k]);
    // Tile 1's top-left pixel: the mean of the 3x3 block.
    for (int k = 0; k < 3; ++k) {
        int sum = 0;
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 3; ++x) sum += map.pixel(y, x)[k];
        CHECK(sheet.pixel(top, left)[k] == (sum + 4) / 9);
    }
}

TEST_CASE("a failed set leaves no maps: a folder in the way of the 7th") {
    const NetworkSpec spec = simpleconvnet_spec();
    const std::vector<float> parameters = random_parameters(spec, 7);
    TempFolder folder;
    std::filesystem::create_directory(folder.file("conv1_06.png"));
    std::string problem;
    {
        StagedFolder staged(folder.path());
        write_feature_map_files(spec, parameters.data(), random_image(20, 20, 8), staged);
        problem = testing::input_error_of([&] { staged.commit(); });
    }
    CHECK(problem.find("conv1_06.png") != std::string::npos);
    CHECK(problem.find("a folder has that name") != std::string::npos);
    int entries = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        CHECK(entry.path().filename() == "conv1_06.png");  // only the folder itself
        ++entries;
    }
    CHECK(entries == 1);
}

TEST_CASE("an unfinished or unwritable PNG leaves no file") {
    TempFolder folder;
    {
        PngRowWriter writer(folder.file("half.png"), 4, 3);
        const std::uint8_t row[12] = {};
        writer.write_row(row);
    }  // dropped after one row of three
    CHECK_FALSE(std::filesystem::exists(folder.file("half.png")));
    const std::string problem =
        testing::input_error_of([&] { PngRowWriter(folder.file("no/such/folder.png"), 4, 3); });
    CHECK(problem.find("cannot write PNG") != std::string::npos);
    CHECK(problem.find("no/such/folder.png") != std::string::npos);
}

TEST_CASE("the working set of the largest photo fits 1 GB, and does not grow with height") {
    const NetworkSpec spec = simpleconvnet_spec();
    const std::size_t gigabyte = std::size_t(1) << 30;
    for (int side : {4000, 4096}) {  // the photo and --max-side's largest value
        const std::size_t image = sizeof(float) * side * side;
        CAPTURE(side);
        CHECK(feature_files_working_bytes(spec, {1, side, side}) + image < gigabyte / 2);
    }
    // Four times the height: the same bands; the sheet's tiles only shrink.
    CHECK(feature_files_working_bytes(spec, {1, 16384, 4096}) <=
          feature_files_working_bytes(spec, {1, 4096, 4096}));
}
