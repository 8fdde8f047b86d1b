// Sections: reading, resizing, colouring, layout (contact sheets), writing.
#include "core/formats/image_file.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <unordered_set>

#include "core/formats/atomic_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

float luma(float r, float g, float b) {
    return 0.299f * r + 0.587f * g + 0.114f * b;
}

std::uint8_t to_byte(float value) {
    const float scaled = std::min(1.0f, std::max(0.0f, value)) * 255.0f;
    // lround() without the library call (every pixel of a big map comes through here):
    // the fraction of a value in [0, 255] is exact in float, so this rounds half up as
    // lround does for non-negative values.
    const int whole = static_cast<int>(scaled);
    return static_cast<std::uint8_t>(whole + (scaled - static_cast<float>(whole) >= 0.5f ? 1 : 0));
}

// The weight of input cell i (covering [i, i+1)) in output cell o, which covers
// [o * scale, (o + 1) * scale) of the input: the overlap of the two intervals.
struct Contribution {
    int input;
    float weight;
};

std::vector<std::vector<Contribution>> box_weights(int input, int output) {
    std::vector<std::vector<Contribution>> weights(output);
    const double scale = static_cast<double>(input) / output;
    for (int o = 0; o < output; ++o) {
        if (scale <= 1.0) {
            // Enlarging: the input cell under the output cell's centre.
            const int i = std::min(input - 1, static_cast<int>((o + 0.5) * scale));
            weights[o].push_back({i, 1.0f});
            continue;
        }
        const double begin = o * scale;
        const double end = (o + 1) * scale;
        for (int i = static_cast<int>(begin); i < input && i < end; ++i) {
            const double overlap = std::min(end, i + 1.0) - std::max(begin, double(i));
            if (overlap > 0) weights[o].push_back({i, static_cast<float>(overlap / scale)});
        }
    }
    return weights;
}

}  // namespace

// ---- reading ------------------------------------------------------------------------

Tensor decode_image(const std::uint8_t* bytes, std::size_t size, const std::string& name,
                    ImageChannels channels) {
    if (size == 0) throw InputError(Message("image '{name}' is empty", {{"name", name}}));
    if (size > static_cast<std::size_t>(INT32_MAX))
        throw InputError(Message("image '{name}' is larger than 2 GB", {{"name", name}}));
    const int length = static_cast<int>(size);
    int width = 0, height = 0, stored_channels = 0;
    if (!stbi_info_from_memory(bytes, length, &width, &height, &stored_channels)) {
        throw InputError(Message(
            "image '{name}' is not a picture stb_image can read ({reason}): use PNG, JPEG, BMP "
            "or GIF",
            {{"name", name}, {"reason", stbi_failure_reason()}}));
    }
    if (width > kMaxImageSide || height > kMaxImageSide) {
        throw InputError(Message(
            "image '{name}' is {width}x{height} pixels, more than the {max} allowed per "
            "side",
            {{"name", name}, {"width", width}, {"height", height}, {"max", kMaxImageSide}}));
    }
    // Always decode to RGBA so alpha can be composited the same way for every format.
    int w = 0, h = 0, ignored = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(bytes, length, &w, &h, &ignored, 4), stbi_image_free);
    if (!pixels) {
        throw InputError(Message("image '{name}' could not be decoded ({reason})",
                                 {{"name", name}, {"reason", stbi_failure_reason()}}));
    }
    const bool grey_file = stored_channels <= 2;
    const bool want_grey =
        channels == ImageChannels::Grey || (channels == ImageChannels::AsStored && grey_file);
    const int out_channels = want_grey ? 1 : 3;
    Tensor image({out_channels, h, w});
    const std::size_t plane = static_cast<std::size_t>(h) * w;
    for (std::size_t i = 0; i < plane; ++i) {
        const stbi_uc* p = pixels.get() + 4 * i;
        const float alpha = p[3] / 255.0f;
        float rgb[3];
        for (int c = 0; c < 3; ++c) rgb[c] = (p[c] / 255.0f) * alpha + (1.0f - alpha);
        if (want_grey) {
            image.data()[i] = grey_file ? rgb[0] : luma(rgb[0], rgb[1], rgb[2]);
        } else {
            for (int c = 0; c < 3; ++c) image.data()[c * plane + i] = rgb[c];
        }
    }
    return image;
}

Tensor load_image(const std::string& path, ImageChannels channels) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw InputError(Message("image '{name}' is a folder, not a file", {{"name", path}}));
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw InputError(Message("cannot open image '{name}': {reason}",
                                 {{"name", path}, {"reason", std::strerror(errno)}}));
    }
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)),
                                          std::istreambuf_iterator<char>());
    if (file.bad()) throw InputError(Message("cannot read image '{name}'", {{"name", path}}));
    return decode_image(bytes.data(), bytes.size(), path, channels);
}

// ---- resizing -----------------------------------------------------------------------

std::vector<float> resample_plane(const float* plane, int height, int width, int out_height,
                                  int out_width) {
    CS_CHECK(height >= 1 && width >= 1 && out_height >= 1 && out_width >= 1);
    const auto across = box_weights(width, out_width);
    const auto down = box_weights(height, out_height);
    // Rows first (H, W) -> (H, OW), then columns (H, OW) -> (OH, OW): separable.
    std::vector<float> rows(static_cast<std::size_t>(height) * out_width, 0.0f);
    for (int y = 0; y < height; ++y) {
        for (int ox = 0; ox < out_width; ++ox) {
            float sum = 0;
            for (const Contribution& c : across[ox]) sum += c.weight * plane[y * width + c.input];
            rows[static_cast<std::size_t>(y) * out_width + ox] = sum;
        }
    }
    std::vector<float> out(static_cast<std::size_t>(out_height) * out_width, 0.0f);
    for (int oy = 0; oy < out_height; ++oy) {
        for (const Contribution& c : down[oy]) {
            const float* row = &rows[static_cast<std::size_t>(c.input) * out_width];
            float* target = &out[static_cast<std::size_t>(oy) * out_width];
            for (int ox = 0; ox < out_width; ++ox) target[ox] += c.weight * row[ox];
        }
    }
    return out;
}

Tensor downscale_to_fit(const Tensor& image, int max_side) {
    CS_CHECK(image.rank() == 3 && max_side >= 1);
    const int channels = image.dim(0), height = image.dim(1), width = image.dim(2);
    if (height <= max_side && width <= max_side) return image;
    const double scale = static_cast<double>(max_side) / std::max(height, width);
    const int out_height = std::max(1, static_cast<int>(std::lround(height * scale)));
    const int out_width = std::max(1, static_cast<int>(std::lround(width * scale)));
    Tensor out({channels, out_height, out_width});
    const std::size_t in_plane = static_cast<std::size_t>(height) * width;
    const std::size_t out_plane = static_cast<std::size_t>(out_height) * out_width;
    for (int c = 0; c < channels; ++c) {
        const std::vector<float> plane =
            resample_plane(image.data() + c * in_plane, height, width, out_height, out_width);
        std::copy(plane.begin(), plane.end(), out.data() + c * out_plane);
    }
    return out;
}

Tensor to_grey(const Tensor& image) {
    CS_CHECK(image.rank() == 3 && (image.dim(0) == 1 || image.dim(0) == 3));
    if (image.dim(0) == 1) return image;
    const int height = image.dim(1), width = image.dim(2);
    const std::size_t plane = static_cast<std::size_t>(height) * width;
    Tensor grey({1, height, width});
    const float* v = image.data();
    for (std::size_t i = 0; i < plane; ++i)
        grey.data()[i] = luma(v[i], v[plane + i], v[2 * plane + i]);
    return grey;
}

// ---- colouring ----------------------------------------------------------------------

RgbImage render_map(const float* values, int height, int width, ColourMap map) {
    CS_CHECK(height >= 1 && width >= 1);
    const std::size_t count = static_cast<std::size_t>(height) * width;
    RgbImage image{width, height, std::vector<std::uint8_t>(count * 3)};
    const auto [low, high] = std::minmax_element(values, values + count);
    if (map == ColourMap::Diverging) {
        colour_diverging(values, count, std::max(std::abs(*low), std::abs(*high)),
                         image.rgb.data());
        return image;
    }
    const float range = *high - *low;
    for (std::size_t i = 0; i < count; ++i) {
        std::uint8_t* p = &image.rgb[i * 3];
        p[0] = p[1] = p[2] = to_byte(range > 0 ? (values[i] - *low) / range : 0.0f);
    }
    return image;
}

void colour_diverging(const float* values, std::size_t count, float largest, std::uint8_t* rgb) {
    for (std::size_t i = 0; i < count; ++i) {
        std::uint8_t* p = rgb + i * 3;
        const float t = largest > 0 ? values[i] / largest : 0.0f;  // -1 .. 1
        // White at zero, fading to a saturated blue (t = -1) or red (t = +1).
        const float fade = 1.0f - std::abs(t);
        if (t >= 0) {
            p[0] = to_byte(1.0f - 0.30f * (1 - fade));
            p[1] = p[2] = to_byte(fade);
        } else {
            p[0] = p[1] = to_byte(fade);
            p[2] = to_byte(1.0f - 0.30f * (1 - fade));
        }
    }
}

RgbImage render_image(const Tensor& image) {
    CS_CHECK(image.rank() == 3 && (image.dim(0) == 1 || image.dim(0) == 3));
    const int channels = image.dim(0), height = image.dim(1), width = image.dim(2);
    const std::size_t plane = static_cast<std::size_t>(height) * width;
    RgbImage out{width, height, std::vector<std::uint8_t>(plane * 3)};
    for (std::size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c)
            out.rgb[i * 3 + c] = to_byte(image.data()[(channels == 3 ? c : 0) * plane + i]);
    return out;
}

// ---- layout -------------------------------------------------------------------------

RgbImage scaled_nearest(const RgbImage& image, int factor) {
    CS_CHECK(factor >= 1);
    if (factor == 1) return image;
    RgbImage out{image.width * factor, image.height * factor, {}};
    out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            std::memcpy(out.pixel(y, x), image.pixel(y / factor, x / factor), 3);
    return out;
}

RgbImage contact_sheet(const std::vector<RgbImage>& tiles, int columns, int gap) {
    CS_CHECK(!tiles.empty() && gap >= 0);
    const int tile_w = tiles[0].width, tile_h = tiles[0].height;
    for (const RgbImage& tile : tiles) CS_CHECK(tile.width == tile_w && tile.height == tile_h);
    const int count = static_cast<int>(tiles.size());
    if (columns <= 0) columns = static_cast<int>(std::ceil(std::sqrt(double(count))));
    columns = std::min(columns, count);
    const int rows = (count + columns - 1) / columns;
    RgbImage sheet{gap + columns * (tile_w + gap), gap + rows * (tile_h + gap), {}};
    sheet.rgb.assign(static_cast<std::size_t>(sheet.width) * sheet.height * 3, 128);
    for (int t = 0; t < count; ++t) {
        const int left = gap + (t % columns) * (tile_w + gap);
        const int top = gap + (t / columns) * (tile_h + gap);
        for (int y = 0; y < tile_h; ++y)
            std::memcpy(sheet.pixel(top + y, left), tiles[t].pixel(y, 0),
                        static_cast<std::size_t>(tile_w) * 3);
    }
    return sheet;
}

// ---- writing ------------------------------------------------------------------------

namespace {

void append_bytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
}

std::string png_bytes(int width, int height, int channels, const std::uint8_t* pixels,
                      const std::string& name) {
    std::string png;
    if (stbi_write_png_to_func(append_bytes, &png, width, height, channels, pixels,
                               width * channels) == 0) {
        throw InputError(Message("cannot encode PNG {name}", {{"name", name}}));
    }
    return png;
}

void write_png_bytes(const std::string& path, int width, int height, int channels,
                     const std::uint8_t* pixels) {
    write_file_atomically(path, png_bytes(width, height, channels, pixels, "'" + path + "'"),
                          "PNG");
}

}  // namespace

std::string encode_png(const RgbImage& image) {
    CS_CHECK(image.width >= 1 && image.height >= 1 &&
             image.rgb.size() == static_cast<std::size_t>(image.width) * image.height * 3);
    return png_bytes(image.width, image.height, 3, image.rgb.data(), "picture");
}

void write_png(const std::string& path, const RgbImage& image) {
    CS_CHECK(image.width >= 1 && image.height >= 1 &&
             image.rgb.size() == static_cast<std::size_t>(image.width) * image.height * 3);
    write_png_bytes(path, image.width, image.height, 3, image.rgb.data());
}

void write_rgba_png(const std::string& path, int width, int height,
                    const std::vector<std::uint8_t>& rgba_top_down) {
    CS_CHECK(width >= 1 && height >= 1 &&
             rgba_top_down.size() == static_cast<std::size_t>(width) * height * 4);
    write_png_bytes(path, width, height, 4, rgba_top_down.data());
}

std::size_t count_distinct_colours(const std::vector<std::uint8_t>& rgba) {
    std::unordered_set<std::uint32_t> colours;
    for (std::size_t i = 0; i + 3 < rgba.size(); i += 4) {
        colours.insert(static_cast<std::uint32_t>(rgba[i]) << 16 |
                       static_cast<std::uint32_t>(rgba[i + 1]) << 8 | rgba[i + 2]);
    }
    return colours.size();
}

}  // namespace convscope
