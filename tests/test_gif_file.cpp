// GIF export: files that giflib's own decoder reads back as the frames that went in
// (exactly when the colours fit in 256, closely and without dithering when they do
// not), with the screen size, delays and looping asked for, later frames stored as the
// rectangle that changed, and clear errors for frames that cannot make a GIF.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "core/formats/gif_file.hpp"
#include "gif_decoder.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

struct Colour {
    std::uint8_t r, g, b;
};

void fill(RgbImage& image, int x0, int y0, int w, int h, Colour c) {
    for (int y = std::max(0, y0); y < std::min(image.height, y0 + h); ++y)
        for (int x = std::max(0, x0); x < std::min(image.width, x0 + w); ++x) {
            std::uint8_t* p = image.pixel(y, x);
            p[0] = c.r, p[1] = c.g, p[2] = c.b;
        }
}

// A round glyph with anti-aliased edges: its coverage blends ink into what lies under it.
void soft_dot(RgbImage& image, double cx, double cy, double radius, Colour ink) {
    for (int y = static_cast<int>(cy - radius) - 1; y <= static_cast<int>(cy + radius) + 1; ++y)
        for (int x = static_cast<int>(cx - radius) - 1; x <= static_cast<int>(cx + radius) + 1;
             ++x) {
            if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
            const double distance = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
            const double cover = std::clamp(radius + 0.5 - distance, 0.0, 1.0);
            std::uint8_t* p = image.pixel(y, x);
            const std::uint8_t target[3] = {ink.r, ink.g, ink.b};
            for (int c = 0; c < 3; ++c)
                p[c] = static_cast<std::uint8_t>(std::lround(p[c] + cover * (target[c] - p[c])));
        }
}

// One step of a lesson-like picture: a 5x5 input grid with a 3x3 window outlined where
// `step` (0..8) puts it, a 3x3 output grid filled up to this step, a number in each cell
// (flat blocks, or anti-aliased dots when soft) and, when soft, a colour-map legend.
RgbImage lesson_frame(int width, int height, int step, bool soft) {
    RgbImage image;
    image.width = width, image.height = height;
    image.rgb.assign(static_cast<std::size_t>(width) * height * 3, 0);
    fill(image, 0, 0, width, height, Colour{248, 248, 248});
    const int cell = std::min(width, height) / 8;
    const Colour shades[3][2] = {{{196, 218, 250}, {150, 190, 240}},
                                 {{250, 214, 170}, {240, 180, 120}},
                                 {{190, 235, 190}, {140, 210, 150}}};
    // Each cell's number sits at its own sub-pixel offset, so soft edges differ cell by cell.
    const auto draw_cell = [&](int x, int y, Colour shade, int value) {
        fill(image, x + 1, y + 1, cell - 2, cell - 2, shade);
        if (soft)
            soft_dot(image, x + cell * (0.4 + 0.05 * value) + 0.13 * (x % 7),
                     y + cell * 0.5 + 0.11 * (y % 9), cell * 0.2, Colour{30, 30, 40});
        else
            fill(image, x + cell / 3, y + cell / 3, cell / 3, cell / 3, Colour{30, 30, 40});
    };
    for (int i = 0; i < 25; ++i)
        draw_cell(cell / 2 + (i % 5) * cell, cell / 2 + (i / 5) * cell, shades[0][i % 2], i % 4);
    for (int o = 0; o <= step; ++o)
        draw_cell(6 * cell + (o % 3) * cell, cell / 2 + (o / 3) * cell, shades[2][o % 2], o % 4);
    const int wx = cell / 2 + (step % 3) * cell, wy = cell / 2 + (step / 3) * cell;
    for (int t = 0; t < 3; ++t) {  // the window's outline, 3 pixels thick
        fill(image, wx + t, wy + t, 3 * cell - 2 * t, 1, Colour{220, 40, 40});
        fill(image, wx + t, wy + 3 * cell - 1 - t, 3 * cell - 2 * t, 1, Colour{220, 40, 40});
        fill(image, wx + t, wy + t, 1, 3 * cell - 2 * t, Colour{220, 40, 40});
        fill(image, wx + 3 * cell - 1 - t, wy + t, 1, 3 * cell - 2 * t, Colour{220, 40, 40});
    }
    if (soft)  // a diverging legend: blue, white, red, one shade per pixel column
        for (int x = 0; x < width; ++x) {
            const double v = 2.0 * x / (width - 1) - 1.0;
            const auto fade = [](double a) {
                return static_cast<std::uint8_t>(std::lround(255 * a));
            };
            fill(image, x, height - cell / 2, 1, cell / 4,
                 v < 0 ? Colour{fade(1 + v), fade(1 + v), 255}
                       : Colour{255, fade(1 - v), fade(1 - v)});
        }
    return image;
}

std::vector<RgbImage> lesson_frames(int width, int height, int steps, bool soft) {
    std::vector<RgbImage> frames;
    for (int step = 0; step < steps; ++step)
        frames.push_back(lesson_frame(width, height, step, soft));
    return frames;
}

std::size_t distinct_colours(const std::vector<RgbImage>& frames) {
    std::set<std::uint32_t> colours;
    for (const RgbImage& frame : frames)
        for (std::size_t i = 0; i < frame.rgb.size(); i += 3)
            colours.insert((frame.rgb[i] << 16) | (frame.rgb[i + 1] << 8) | frame.rgb[i + 2]);
    return colours.size();
}

int max_channel_error(const RgbImage& a, const RgbImage& b) {
    int worst = 0;
    for (std::size_t i = 0; i < a.rgb.size(); ++i)
        worst = std::max(worst, std::abs(a.rgb[i] - b.rgb[i]));
    return worst;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("colours that fit in 256: every composed frame equals its input exactly") {
    std::vector<RgbImage> frames = lesson_frames(160, 120, 5, /*soft=*/false);
    frames.push_back(frames.back());  // a step that changes nothing still gets its frame
    REQUIRE(distinct_colours(frames) <= 256);
    GifOptions options;
    options.delay_centiseconds = 25;
    const DecodedGif gif = decode_gif(encode_gif(frames, options));

    CHECK(gif.width == 160);
    CHECK(gif.height == 120);
    CHECK(gif.loop_count == 0);  // forever
    CHECK(gif.global_colours >= static_cast<int>(distinct_colours(frames)));
    REQUIRE(gif.frames.size() == frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i) {
        CAPTURE(i);
        CHECK(gif.frames[i].rgb == frames[i].rgb);
        CHECK(gif.info[i].has_control);
        CHECK(gif.info[i].delay_centiseconds == 25);
        CHECK_FALSE(gif.info[i].local_palette);
    }
    // The first frame is whole; the others hold only what changed.
    CHECK(gif.info[0].width == 160);
    CHECK(gif.info[0].height == 120);
    for (std::size_t i = 1; i < frames.size(); ++i)
        CHECK(gif.info[i].width * gif.info[i].height < 160 * 120 / 2);
    CHECK(gif.info.back().width * gif.info.back().height == 1);
}

TEST_CASE("exactly 256 colours: all in the palette, so no index is left for transparency") {
    std::vector<RgbImage> frames(2);
    for (RgbImage& frame : frames) {
        frame.width = 16, frame.height = 16;
        frame.rgb.resize(16 * 16 * 3);
        for (int i = 0; i < 256; ++i) {
            frame.rgb[3 * i] = static_cast<std::uint8_t>(i);
            frame.rgb[3 * i + 1] = static_cast<std::uint8_t>(255 - i);
            frame.rgb[3 * i + 2] = static_cast<std::uint8_t>(i * 7);
        }
    }
    std::swap_ranges(frames[1].rgb.begin() + 30, frames[1].rgb.begin() + 60,
                     frames[1].rgb.begin() + 90);
    const DecodedGif gif = decode_gif(encode_gif(frames, GifOptions{}));
    REQUIRE(gif.frames.size() == 2);
    CHECK(gif.global_colours == 256);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(gif.frames[i].rgb == frames[i].rgb);
        CHECK(gif.info[i].transparent == NO_TRANSPARENT_COLOR);
    }
}

TEST_CASE("more than 256 colours: close to the input, one colour for one colour, flat cells flat") {
    const std::vector<RgbImage> frames = lesson_frames(240, 180, 9, /*soft=*/true);
    REQUIRE(distinct_colours(frames) > 256);
    const DecodedGif gif = decode_gif(encode_gif(frames, GifOptions{}));
    REQUIRE(gif.frames.size() == frames.size());
    CHECK(gif.global_colours == 256);

    std::map<std::uint32_t, std::set<std::uint32_t>> decoded_as;  // input colour -> outputs
    for (std::size_t i = 0; i < frames.size(); ++i) {
        CAPTURE(i);
        CHECK(max_channel_error(gif.frames[i], frames[i]) <= 8);
        const auto& in = frames[i].rgb;
        const auto& out = gif.frames[i].rgb;
        for (std::size_t p = 0; p < in.size(); p += 3)
            decoded_as[(in[p] << 16) | (in[p + 1] << 8) | in[p + 2]].insert(
                (out[p] << 16) | (out[p + 1] << 8) | out[p + 2]);
    }
    // No dithering: whatever frame or place a colour appears in, it decodes the same.
    for (const auto& [input, outputs] : decoded_as) CHECK(outputs.size() == 1);

    // The top of the first input cell, above its number, is one flat colour: it decodes to
    // one colour, almost exactly the input's (large areas pull palette entries onto them).
    const int cell = 180 / 8;
    const int x0 = cell / 2 + 2, y0 = cell / 2 + 2;
    const RgbImage& input = frames.back();
    const RgbImage& output = gif.frames.back();
    for (int y = y0; y < y0 + 3; ++y)
        for (int x = x0; x < x0 + cell - 4; ++x) {
            REQUIRE(std::equal(input.pixel(y, x), input.pixel(y, x) + 3, input.pixel(y0, x0)));
            CHECK(std::equal(output.pixel(y, x), output.pixel(y, x) + 3, output.pixel(y0, x0)));
        }
    for (int c = 0; c < 3; ++c)
        CHECK(std::abs(output.pixel(y0, x0)[c] - input.pixel(y0, x0)[c]) <= 2);
}

TEST_CASE("a photograph's many colours: binned, still close and one colour for one colour") {
    // 65536 colours in each frame, more than the quantizer looks at one by one.
    std::vector<RgbImage> frames(2);
    for (int f = 0; f < 2; ++f) {
        RgbImage& frame = frames[static_cast<std::size_t>(f)];
        frame.width = 256, frame.height = 256;
        frame.rgb.resize(256 * 256 * 3);
        for (int y = 0; y < 256; ++y)
            for (int x = 0; x < 256; ++x) {
                std::uint8_t* p = frame.pixel(y, x);
                p[0] = static_cast<std::uint8_t>(x), p[1] = static_cast<std::uint8_t>(y);
                p[2] = static_cast<std::uint8_t>((x + y) / 2 + 40 * f);
            }
    }
    REQUIRE(distinct_colours(frames) > 32768);
    const DecodedGif gif = decode_gif(encode_gif(frames, GifOptions{}));
    REQUIRE(gif.frames.size() == 2);
    std::map<std::uint32_t, std::set<std::uint32_t>> decoded_as;
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(max_channel_error(gif.frames[i], frames[i]) <= 24);
        const auto& in = frames[i].rgb;
        const auto& out = gif.frames[i].rgb;
        for (std::size_t p = 0; p < in.size(); p += 3)
            decoded_as[(in[p] << 16) | (in[p + 1] << 8) | in[p + 2]].insert(
                (out[p] << 16) | (out[p + 1] << 8) | out[p + 2]);
    }
    for (const auto& [input, outputs] : decoded_as) CHECK(outputs.size() == 1);
}

TEST_CASE("delays and looping follow the options") {
    const std::vector<RgbImage> frames = lesson_frames(80, 60, 3, false);
    GifOptions options;
    options.delay_centiseconds = 7;
    options.loop = false;
    const DecodedGif once = decode_gif(encode_gif(frames, options));
    CHECK(once.loop_count == -1);  // no NETSCAPE2.0 block: viewers play it once
    for (const GifFrameInfo& info : once.info) CHECK(info.delay_centiseconds == 7);

    options.delay_centiseconds = 65535;
    options.loop = true;
    const DecodedGif slow = decode_gif(encode_gif(frames, options));
    CHECK(slow.loop_count == 0);
    for (const GifFrameInfo& info : slow.info) CHECK(info.delay_centiseconds == 65535);
}

TEST_CASE("a single frame makes a one-frame GIF") {
    const std::vector<RgbImage> frames = lesson_frames(40, 30, 1, false);
    REQUIRE(distinct_colours(frames) <= 256);
    const DecodedGif gif = decode_gif(encode_gif(frames, GifOptions{}));
    REQUIRE(gif.frames.size() == 1);
    CHECK(gif.frames[0].rgb == frames[0].rgb);
}

TEST_CASE("a 9-step 800x600 lesson stays well under 1 MB") {
    const std::vector<RgbImage> frames = lesson_frames(800, 600, 9, /*soft=*/true);
    const std::string bytes = encode_gif(frames, GifOptions{});
    MESSAGE("9 steps, 800x600: " << bytes.size() << " bytes");
    CHECK(bytes.size() < 1000000);
    const DecodedGif gif = decode_gif(bytes);
    CHECK(gif.frames.size() == 9);
    CHECK(gif.width == 800);
    CHECK(gif.height == 600);
}

TEST_CASE("frames that cannot make a GIF are refused with the reason") {
    const GifOptions options;
    CHECK(contains(input_error_of([&] { encode_gif({}, options); }), "no frames"));

    std::vector<RgbImage> mismatched = lesson_frames(80, 60, 2, false);
    mismatched[1] = lesson_frame(60, 80, 1, false);
    CHECK(contains(input_error_of([&] { encode_gif(mismatched, options); }),
                   "frame 1 is 60x80 but frame 0 is 80x60"));

    const std::vector<RgbImage> empty(2);
    CHECK(contains(input_error_of([&] { encode_gif(empty, options); }), "frame size 0x0"));

    std::vector<RgbImage> short_pixels = lesson_frames(80, 60, 1, false);
    short_pixels[0].rgb.resize(100);
    CHECK(contains(input_error_of([&] { encode_gif(short_pixels, options); }), "holds 100 bytes"));

    const std::vector<RgbImage> frames = lesson_frames(80, 60, 1, false);
    for (int delay : {-5, 0, 1, 65536}) {
        GifOptions bad;
        bad.delay_centiseconds = delay;
        CHECK(contains(input_error_of([&] { encode_gif(frames, bad); }),
                       "frame delay " + std::to_string(delay) + " cs"));
    }
}

TEST_CASE("write_gif writes the encoded file whole, or nothing where it cannot write") {
    TempFolder folder;
    const std::vector<RgbImage> frames = lesson_frames(80, 60, 4, false);
    const std::string path = folder.file("lesson.gif");
    write_gif(path, frames, GifOptions{});
    CHECK(read_bytes(path) == encode_gif(frames, GifOptions{}));
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);

    const std::string bad = folder.file("missing/lesson.gif");
    CHECK(contains(input_error_of([&] { write_gif(bad, frames, GifOptions{}); }),
                   "cannot write GIF '" + bad + "'"));
    CHECK_FALSE(std::filesystem::exists(folder.file("missing")));
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()),
                        std::filesystem::directory_iterator()) == 1);
}
