// GIF export speed and size: encodes synthetic lesson animations (the 9-step 2.2
// convolution and the 25-step transposed lesson's shape) at 800x600 and prints the
// file size and the median encode time over a few rounds. Not a test: run it by hand.
//
// usage: gif_encode_bench [--rounds R] [--size WxH] [--out DIR]
//   --out DIR also writes DIR/bench-9.gif and DIR/bench-25.gif to look at.
//
// Each frame resembles a lesson step: flat coloured cells with grid lines, numbers
// drawn as anti-aliased strokes (so the frames hold more than 256 colours and the
// quantizer runs), a red window outline that moves each step, output cells filling
// in, an equation line that changes, and a diverging colour-map legend.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "core/formats/gif_file.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

struct Colour {
    double r, g, b;
};

void fill(RgbImage& image, int x0, int y0, int w, int h, Colour c) {
    for (int y = std::max(0, y0); y < std::min(image.height, y0 + h); ++y)
        for (int x = std::max(0, x0); x < std::min(image.width, x0 + w); ++x) {
            std::uint8_t* p = image.pixel(y, x);
            p[0] = static_cast<std::uint8_t>(c.r), p[1] = static_cast<std::uint8_t>(c.g),
            p[2] = static_cast<std::uint8_t>(c.b);
        }
}

// A stroke from (x0, y0) to (x1, y1), `half` pixels either side, its edge blended by
// coverage into what lies beneath: how anti-aliased text looks pixel by pixel.
void stroke(RgbImage& image, double x0, double y0, double x1, double y1, double half, Colour ink) {
    const int left = static_cast<int>(std::min(x0, x1) - half - 1);
    const int right = static_cast<int>(std::max(x0, x1) + half + 1);
    const int top = static_cast<int>(std::min(y0, y1) - half - 1);
    const int bottom = static_cast<int>(std::max(y0, y1) + half + 1);
    const double dx = x1 - x0, dy = y1 - y0, length2 = std::max(1e-9, dx * dx + dy * dy);
    for (int y = std::max(0, top); y <= std::min(image.height - 1, bottom); ++y)
        for (int x = std::max(0, left); x <= std::min(image.width - 1, right); ++x) {
            const double px = x + 0.5, py = y + 0.5;
            const double t = std::clamp(((px - x0) * dx + (py - y0) * dy) / length2, 0.0, 1.0);
            const double distance = std::hypot(px - (x0 + t * dx), py - (y0 + t * dy));
            const double cover = std::clamp(half + 0.5 - distance, 0.0, 1.0);
            if (cover <= 0) continue;
            std::uint8_t* p = image.pixel(y, x);
            const double target[3] = {ink.r, ink.g, ink.b};
            for (int c = 0; c < 3; ++c)
                p[c] = static_cast<std::uint8_t>(std::lround(p[c] + cover * (target[c] - p[c])));
        }
}

// Seven-segment digits with soft edges, `height` pixels tall, left edge at x.
// Returns the x after the text.
double text(RgbImage& image, double x, double y, double height, const std::string& chars,
            Colour ink) {
    static const char* segments[10] = {"abcdef", "bc",     "abdeg", "abcdg",   "bcfg",
                                       "acdfg",  "acdefg", "abc",   "abcdefg", "abcdfg"};
    const double w = height * 0.5, h = height / 2, half = std::max(0.8, height * 0.06);
    for (char ch : chars) {
        if (ch >= '0' && ch <= '9') {
            for (const char* s = segments[ch - '0']; *s != '\0'; ++s) {
                const double ax[7][4] = {{0, 0, w, 0},         {w, 0, w, h},     {w, h, w, 2 * h},
                                         {0, 2 * h, w, 2 * h}, {0, h, 0, 2 * h}, {0, 0, 0, h},
                                         {0, h, w, h}};
                const double* seg = ax[*s - 'a'];
                stroke(image, x + seg[0], y + seg[1], x + seg[2], y + seg[3], half, ink);
            }
        } else if (ch == '+') {
            stroke(image, x, y + h, x + w, y + h, half, ink);
            stroke(image, x + w / 2, y + h / 2, x + w / 2, y + 1.5 * h, half, ink);
        } else if (ch == '=') {
            stroke(image, x, y + 0.7 * h, x + w, y + 0.7 * h, half, ink);
            stroke(image, x, y + 1.3 * h, x + w, y + 1.3 * h, half, ink);
        } else if (ch == 'x') {
            stroke(image, x, y + 0.6 * h, x + w * 0.8, y + 1.6 * h, half, ink);
            stroke(image, x + w * 0.8, y + 0.6 * h, x, y + 1.6 * h, half, ink);
        }
        x += w * 1.6;
    }
    return x;
}

int value_at(int grid, int row, int column) {
    return (row * 7 + column * 3 + grid * 5) % 10;
}

// A lesson step: input (7x7, its outer ring padding) in blue, kernel (3x3) in orange,
// output (5x5) in green filled up to `step`, the window outlined on the input and its
// output cell on the output, this step's sum beneath.
RgbImage lesson_frame(int width, int height, int step) {
    RgbImage image;
    image.width = width, image.height = height;
    image.rgb.assign(static_cast<std::size_t>(width) * height * 3, 0);
    fill(image, 0, 0, width, height, Colour{250, 250, 248});
    const int cell = std::max(12, std::min(width / 19, height / 11));
    const Colour ink{33, 37, 41}, outline{214, 39, 40}, grid_line{120, 120, 130};
    const auto grid = [&](int gx, int gy, int size, int kind, int filled) {
        const Colour fills[3] = {{198, 219, 239}, {253, 208, 162}, {199, 233, 192}};
        for (int r = 0; r < size; ++r)
            for (int c = 0; c < size; ++c) {
                const int x = gx + c * cell, y = gy + r * cell;
                fill(image, x, y, cell + 1, cell + 1, grid_line);
                const bool padding = kind == 0 && (r == 0 || c == 0 || r == 6 || c == 6);
                const bool shown = r * size + c < filled;
                fill(image, x + 1, y + 1, cell - 1, cell - 1,
                     padding ? Colour{225, 225, 225}
                     : shown ? fills[kind]
                             : Colour{255, 255, 255});
                if (shown && !padding)
                    text(image, x + cell * 0.38, y + cell * 0.25, cell * 0.5,
                         std::to_string(value_at(kind, r, c)), ink);
            }
    };
    const int input_x = cell, input_y = cell * 3 / 2;
    const int kernel_x = cell * 9, output_x = cell * 13, output_y = input_y + cell;
    grid(input_x, input_y, 7, 0, 49);
    grid(kernel_x, input_y, 3, 1, 9);
    grid(output_x, output_y, 5, 2, step + 1);
    const int wr = step / 5 % 5, wc = step % 5;
    for (int t = -1; t < 2; ++t) {  // 3-pixel outlines
        const auto box = [&](int x, int y, int size) {
            fill(image, x + t, y + t, size - 2 * t, 1, outline);
            fill(image, x + t, y + size - t, size - 2 * t + 1, 1, outline);
            fill(image, x + t, y + t, 1, size - 2 * t, outline);
            fill(image, x + size - t, y + t, 1, size - 2 * t + 1, outline);
        };
        box(input_x + wc * cell, input_y + wr * cell, 3 * cell);
        box(output_x + wc * cell, output_y + wr * cell, cell);
    }
    std::string sum;
    int total = 0;
    for (int k = 0; k < 9; ++k) {
        const int in = value_at(0, wr + k / 3, wc + k % 3), weight = value_at(1, k / 3, k % 3);
        total += in * weight;
        sum += std::to_string(in) + "x" + std::to_string(weight) + (k < 8 ? "+" : "=");
    }
    text(image, cell, input_y + 7.6 * cell, cell * 0.45, sum + std::to_string(total), ink);
    for (int x = cell; x < width - cell; ++x) {  // legend: blue, white, red
        const double v = 2.0 * (x - cell) / (width - 2 * cell - 1) - 1.0;
        const Colour c = v < 0 ? Colour{255 * (1 + v), 255 * (1 + v), 255}
                               : Colour{255, 255 * (1 - v), 255 * (1 - v)};
        fill(image, x, height - cell, 1, cell / 3, c);
    }
    return image;
}

std::size_t distinct_colours(const std::vector<RgbImage>& frames) {
    std::set<std::uint32_t> colours;
    for (const RgbImage& frame : frames)
        for (std::size_t i = 0; i < frame.rgb.size(); i += 3)
            colours.insert((frame.rgb[i] << 16) | (frame.rgb[i + 1] << 8) | frame.rgb[i + 2]);
    return colours.size();
}

void run(int steps, int width, int height, int rounds, const std::string& out_dir) {
    std::vector<RgbImage> frames;
    for (int step = 0; step < steps; ++step) frames.push_back(lesson_frame(width, height, step));
    std::vector<double> ms;
    std::string bytes;
    for (int round = 0; round < rounds; ++round) {
        const auto start = std::chrono::steady_clock::now();
        bytes = encode_gif(frames, GifOptions{});
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf(
        "%2d frames %dx%d, %zu colours: %zu bytes, encode median %.1f ms (min %.1f, max %.1f)\n",
        steps, width, height, distinct_colours(frames), bytes.size(), ms[ms.size() / 2], ms.front(),
        ms.back());
    if (!out_dir.empty())
        write_gif(out_dir + "/bench-" + std::to_string(steps) + ".gif", frames, GifOptions{});
}

}  // namespace

int main(int argc, char** argv) {
    int rounds = 5, width = 800, height = 600;
    std::string out_dir;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--rounds" && i + 1 < argc) {
            rounds = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--size" && i + 1 < argc &&
                   std::sscanf(argv[++i], "%dx%d", &width, &height) == 2 && width > 0 &&
                   height > 0) {
        } else if (arg == "--out" && i + 1 < argc) {
            out_dir = argv[++i];
        } else {
            std::fprintf(stderr, "usage: gif_encode_bench [--rounds R] [--size WxH] [--out DIR]\n");
            return 2;
        }
    }
    try {
        run(9, width, height, rounds, out_dir);
        run(25, width, height, rounds, out_dir);
    } catch (const InputError& error) {
        std::fprintf(stderr, "gif_encode_bench: %s\n", error.what());
        return 1;
    }
    return 0;
}
