// Image files: every format the app promises reads back the values that were written,
// broken files get messages naming the file and the problem, downscaling keeps the mean,
// colour maps put zero and the extremes where they belong, PNGs are written atomically.
#include <doctest/doctest.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/formats/image_file.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void write_bytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Random 8-bit pixels, `channels` interleaved per pixel as image files store them.
std::vector<std::uint8_t> random_pixels(int width, int height, int channels, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * channels);
    for (auto& p : pixels) p = static_cast<std::uint8_t>(byte(rng));
    return pixels;
}

// A 1x1 GIF89a whose one pixel is palette entry 0; `first` and `second` are the two
// palette colours (stb cannot write GIFs, so the bytes are spelled out).
std::vector<std::uint8_t> one_pixel_gif(std::uint8_t first, std::uint8_t second) {
    return {0x47, 0x49,  0x46,  0x38,  0x39,   0x61,   0x01,   0x00, 0x01, 0x00, 0x80, 0x00,
            0x00, first, first, first, second, second, second, 0x2c, 0x00, 0x00, 0x00, 0x00,
            0x01, 0x00,  0x01,  0x00,  0x00,   0x02,   0x02,   0x44, 0x01, 0x00, 0x3b};
}

}  // namespace

TEST_CASE("a grey PNG reads back exactly as one channel") {
    TempFolder folder;
    const int width = 7, height = 5;
    const auto pixels = random_pixels(width, height, 1, 1);
    REQUIRE(stbi_write_png(folder.file("g.png").c_str(), width, height, 1, pixels.data(), width));
    const Tensor image = load_image(folder.file("g.png"));
    REQUIRE(image.shape() == std::vector<int>{1, height, width});
    for (std::size_t i = 0; i < pixels.size(); ++i) CHECK(image.data()[i] == pixels[i] / 255.0f);
}

TEST_CASE("a colour PNG reads back as channel planes in RGB order") {
    TempFolder folder;
    const int width = 6, height = 4;
    const auto pixels = random_pixels(width, height, 3, 2);
    RgbImage written{width, height, pixels};
    write_png(folder.file("c.png"), written);
    const Tensor image = load_image(folder.file("c.png"));
    REQUIRE(image.shape() == std::vector<int>{3, height, width});
    const std::size_t plane = static_cast<std::size_t>(width) * height;
    for (std::size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c)
            CHECK(image.data()[c * plane + i] == pixels[i * 3 + c] / 255.0f);
    // Asked for grey, the same file gives the luma of each pixel.
    const Tensor grey = load_image(folder.file("c.png"), ImageChannels::Grey);
    REQUIRE(grey.shape() == std::vector<int>{1, height, width});
    const std::uint8_t* p = &pixels[0];
    CHECK(grey.data()[0] == doctest::Approx((0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]) / 255));
}

TEST_CASE("BMP and JPEG files load") {
    TempFolder folder;
    const int width = 16, height = 8;
    const auto pixels = random_pixels(width, height, 3, 3);
    REQUIRE(stbi_write_bmp(folder.file("a.bmp").c_str(), width, height, 3, pixels.data()));
    const Tensor bmp = load_image(folder.file("a.bmp"));
    REQUIRE(bmp.shape() == std::vector<int>{3, height, width});
    CHECK(bmp.data()[0] == pixels[0] / 255.0f);
    CHECK(bmp.data()[width * height + 5] == pixels[5 * 3 + 1] / 255.0f);

    // JPEG is lossy: a flat colour (200, 60, 20) survives within a few levels. The file
    // is a fixture because stb's JPEG writer shifts signed ints, which UBSan rejects.
    const Tensor jpeg = load_image(CONVSCOPE_FIXTURE_DIR "/flat_colour.jpg");
    REQUIRE(jpeg.shape() == std::vector<int>{3, 8, 16});
    CHECK(jpeg.data()[0] == doctest::Approx(200 / 255.0).epsilon(0.03));
    CHECK(jpeg.data()[8 * 16] == doctest::Approx(60 / 255.0).epsilon(0.05));
    CHECK(jpeg.data()[2 * 8 * 16] == doctest::Approx(20 / 255.0).epsilon(0.1));
}

TEST_CASE("a GIF's first frame loads through its palette") {
    const auto white_first = one_pixel_gif(0xff, 0x00);
    const auto black_first = one_pixel_gif(0x00, 0xff);
    const Tensor white = decode_image(white_first.data(), white_first.size(), "white.gif");
    const Tensor black = decode_image(black_first.data(), black_first.size(), "black.gif");
    REQUIRE(white.shape() == std::vector<int>{3, 1, 1});
    CHECK(white.data()[0] == 1.0f);
    CHECK(black.data()[0] == 0.0f);
}

TEST_CASE("transparent pixels are composited over white") {
    TempFolder folder;
    // Two pixels: opaque black, fully transparent black.
    const std::vector<std::uint8_t> rgba = {0, 0, 0, 255, 0, 0, 0, 0};
    REQUIRE(stbi_write_png(folder.file("t.png").c_str(), 2, 1, 4, rgba.data(), 8));
    const Tensor image = load_image(folder.file("t.png"));
    REQUIRE(image.shape() == std::vector<int>{3, 1, 2});
    CHECK(image.data()[0] == 0.0f);
    CHECK(image.data()[1] == 1.0f);
}

TEST_CASE("broken or missing files name the file and the problem") {
    TempFolder folder;
    const std::string missing = folder.file("nowhere.png");
    std::string message = input_error_of([&] { load_image(missing); });
    CHECK(contains(message, missing));
    CHECK(contains(message, "No such file"));

    write_bytes(folder.file("notes.png"), {'h', 'e', 'l', 'l', 'o', '\n'});
    message = input_error_of([&] { load_image(folder.file("notes.png")); });
    CHECK(contains(message, "notes.png"));
    CHECK(contains(message, "not a picture"));

    // A real PNG cut short after its header: stb can read the size but not the pixels.
    RgbImage picture{32, 32, random_pixels(32, 32, 3, 4)};
    write_png(folder.file("whole.png"), picture);
    auto bytes = read_bytes(folder.file("whole.png"));
    bytes.resize(bytes.size() / 2);
    write_bytes(folder.file("cut.png"), bytes);
    message = input_error_of([&] { load_image(folder.file("cut.png")); });
    CHECK(contains(message, "cut.png"));
    CHECK(contains(message, "could not be decoded"));

    write_bytes(folder.file("empty.png"), {});
    CHECK(contains(input_error_of([&] { load_image(folder.file("empty.png")); }), "is empty"));
    CHECK(contains(input_error_of([&] { load_image(folder.path()); }), "is a folder"));
}

TEST_CASE("downscale_to_fit keeps the aspect ratio and the mean") {
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> value(0, 1);
    Tensor image({3, 500, 1000});
    double sum = 0;
    for (std::size_t i = 0; i < image.size(); ++i) sum += image.data()[i] = value(rng);
    const Tensor small = downscale_to_fit(image, 512);
    REQUIRE(small.shape() == std::vector<int>{3, 256, 512});
    double small_sum = 0;
    for (std::size_t i = 0; i < small.size(); ++i) small_sum += small.data()[i];
    // A box filter is an area average: the mean brightness does not move.
    CHECK(small_sum / small.size() == doctest::Approx(sum / image.size()).epsilon(1e-4));

    // An image that already fits comes back unchanged.
    const Tensor same = downscale_to_fit(small, 512);
    CHECK(same.values() == small.values());
}

TEST_CASE("a box filter turns a fine checkerboard into flat grey") {
    Tensor board({1, 8, 8});
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) board.data()[y * 8 + x] = float((x + y) % 2);
    const Tensor half = downscale_to_fit(board, 4);
    REQUIRE(half.shape() == std::vector<int>{1, 4, 4});
    for (float v : half.values()) CHECK(v == doctest::Approx(0.5));
    // A ratio that is not whole: 3 cells from 8, each covering 8/3 inputs.
    const std::vector<float> third = resample_plane(board.data(), 8, 8, 3, 3);
    double mean = 0;
    for (float v : third) mean += v / 9;
    CHECK(mean == doctest::Approx(0.5).epsilon(0.02));
}

TEST_CASE("the grey colour map spans black to white per map") {
    const std::vector<float> values = {-2, 0, 6, 2};
    const RgbImage image = render_map(values.data(), 2, 2, ColourMap::Grey);
    CHECK(image.pixel(0, 0)[0] == 0);
    CHECK(image.pixel(1, 0)[0] == 255);
    CHECK(image.pixel(1, 1)[0] == 128);  // (2 - -2) / 8 = 0.5
    const std::vector<float> flat(4, 3.0f);
    CHECK(render_map(flat.data(), 2, 2, ColourMap::Grey).pixel(0, 0)[0] == 0);
}

TEST_CASE("the diverging colour map keeps zero white and signs apart") {
    const std::vector<float> values = {-4, 0, 2, 4};
    const RgbImage image = render_map(values.data(), 1, 4, ColourMap::Diverging);
    const std::uint8_t* negative = image.pixel(0, 0);
    const std::uint8_t* zero = image.pixel(0, 1);
    const std::uint8_t* half = image.pixel(0, 2);
    const std::uint8_t* positive = image.pixel(0, 3);
    CHECK((zero[0] == 255 && zero[1] == 255 && zero[2] == 255));
    CHECK(negative[2] > negative[0]);  // blue
    CHECK(positive[0] > positive[2]);  // red
    // Symmetric: -4 and +4 are equally far from white.
    CHECK(negative[2] == positive[0]);
    CHECK(negative[0] == positive[2]);
    // Half the magnitude is half as saturated.
    CHECK(half[1] > positive[1]);
    CHECK(half[1] < 255);
}

TEST_CASE("a contact sheet places each tile in its grid cell") {
    std::vector<RgbImage> tiles;
    for (int t = 0; t < 5; ++t) {
        RgbImage tile{3, 2,
                      std::vector<std::uint8_t>(3 * 2 * 3, static_cast<std::uint8_t>(t * 40))};
        tiles.push_back(tile);
    }
    const RgbImage sheet = contact_sheet(tiles, 0, 1);
    // ceil(sqrt(5)) = 3 columns, 2 rows: 1 + 3 * (3 + 1) wide, 1 + 2 * (2 + 1) high.
    CHECK(sheet.width == 13);
    CHECK(sheet.height == 7);
    CHECK(sheet.pixel(1, 1)[0] == 0);    // tile 0, top left
    CHECK(sheet.pixel(1, 5)[0] == 40);   // tile 1
    CHECK(sheet.pixel(4, 5)[0] == 160);  // tile 4, second row
    CHECK(sheet.pixel(0, 0)[0] == 128);  // the gap
    CHECK(sheet.pixel(4, 9)[0] == 128);  // the empty sixth cell
    const RgbImage big = scaled_nearest(tiles[1], 4);
    CHECK(big.width == 12);
    CHECK(big.height == 8);
    CHECK(big.pixel(7, 11)[0] == 40);
}

TEST_CASE("write_png replaces the file atomically and reports a bad folder") {
    TempFolder folder;
    const std::string path = folder.file("map.png");
    RgbImage first{4, 4, std::vector<std::uint8_t>(48, 10)};
    RgbImage second{2, 3, std::vector<std::uint8_t>(18, 250)};
    write_png(path, first);
    write_png(path, second);
    const Tensor read = load_image(path);
    CHECK(read.shape() == std::vector<int>{3, 3, 2});
    CHECK(read.data()[0] == 250 / 255.0f);
    // Only the picture: no temporary left beside it.
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);
    const std::string bad = folder.file("missing-folder/map.png");
    CHECK(contains(input_error_of([&] { write_png(bad, first); }), bad));
}

TEST_CASE("an RGBA frame is written as a 4-channel PNG; its colours are counted by RGB") {
    TempFolder folder;
    const std::string path = folder.file("frame.png");
    // 2x1: red opaque, blue opaque; then the same red with another alpha.
    const std::vector<std::uint8_t> rgba = {255, 0, 0, 255, 0, 0, 255, 255};
    write_rgba_png(path, 2, 1, rgba);
    int width = 0, height = 0, channels = 0;
    REQUIRE(stbi_info(path.c_str(), &width, &height, &channels));
    CHECK(width == 2);
    CHECK(height == 1);
    CHECK(channels == 4);
    // (3, 1, 2): red of the first pixel, blue and red of the second.
    const Tensor read = load_image(path, ImageChannels::Rgb);
    CHECK(read.values() == std::vector<float>{1, 0, 0, 0, 0, 1});
    CHECK(count_distinct_colours(rgba) == 2);
    CHECK(count_distinct_colours({255, 0, 0, 255, 255, 0, 0, 10, 9, 9, 9, 255}) == 2);
    CHECK(contains(input_error_of([&] { write_rgba_png(folder.file("no/f.png"), 2, 1, rgba); }),
                   "no/f.png"));
}
