// Pictures in and out of files: the user's own images read into tensors, and tensors
// (feature maps, kernels, filtered images) written as PNG.
//
// Sections:
//   reading     load_image(), decode_image(): PNG, JPEG, BMP, GIF (first frame) via stb_image
//   resizing    downscale_to_fit() (box filter), to_grey()
//   colouring   RgbImage, render_map() with a grey or diverging colour map, render_image()
//   layout      scaled_nearest(), contact_sheet(): many maps in one picture
//   writing     write_png(), write_rgba_png(): whole files or none
//
// Images are (C, H, W) tensors with C = 1 (grey) or 3 (RGB), values in [0, 1], row 0 at
// the top: the same layout the network and the reference ops read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/tensor/tensor.hpp"

namespace convscope {

// ---- reading ------------------------------------------------------------------------

enum class ImageChannels {
    AsStored,  // grey files give 1 channel, colour files 3
    Grey,      // always 1 channel (Rec. 601 luma)
    Rgb,       // always 3 channels
};

// Files larger than this on either side are refused before decoding, so a hostile or
// mistaken file cannot make the app allocate gigabytes.
constexpr int kMaxImageSide = 16384;

// The image in `path` as (C, H, W) in [0, 1]. Transparent pixels are composited over
// white (how a viewer shows them). InputError naming the file and the problem for a
// missing or unreadable file, an unsupported format, a corrupt or oversized image.
Tensor load_image(const std::string& path, ImageChannels channels = ImageChannels::AsStored);

// The same from bytes already in memory (a drag-and-drop payload); `name` is used in
// error messages.
Tensor decode_image(const std::uint8_t* bytes, std::size_t size, const std::string& name,
                    ImageChannels channels = ImageChannels::AsStored);

// ---- resizing -----------------------------------------------------------------------

// `image` (C, H, W) shrunk so its longer side is at most max_side, keeping the aspect
// ratio. Each output pixel is the area-weighted mean of the input pixels it covers (a box
// filter), so thin lines fade instead of vanishing. Images that already fit are returned
// unchanged.
Tensor downscale_to_fit(const Tensor& image, int max_side);

// Any (H, W) -> (out_h, out_w) area resampling of one plane: the box filter behind
// downscale_to_fit, exposed for digit preprocessing. When enlarging, each output pixel
// takes the input pixel under it.
std::vector<float> resample_plane(const float* plane, int height, int width, int out_height,
                                  int out_width);

// (3, H, W) -> (1, H, W) by Rec. 601 luma; (1, H, W) is returned unchanged.
Tensor to_grey(const Tensor& image);

// ---- colouring ----------------------------------------------------------------------

// 8-bit RGB, row-major, top row first: what PNG files and GL textures take.
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;  // width * height * 3

    std::uint8_t* pixel(int y, int x) {
        return &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
    }
    const std::uint8_t* pixel(int y, int x) const {
        return &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
    }
};

enum class ColourMap {
    // Activations (ReLU outputs, pooled maps): black at the map's minimum, white at its
    // maximum. A constant map is black.
    Grey,
    // Signed values (weights, gradients, conv outputs before ReLU): blue for negative,
    // white for zero, red for positive, scaled by the map's largest magnitude so zero
    // stays white and the two signs stay comparable. An all-zero map is white.
    Diverging,
};

// One (H, W) plane coloured with `map`, normalised over this plane alone.
RgbImage render_map(const float* values, int height, int width, ColourMap map);

// `count` values on the diverging map, scaled by `largest` (the whole map's largest
// magnitude; 0 gives white): render_map's colours, for maps coloured a few rows at a time.
void colour_diverging(const float* values, std::size_t count, float largest, std::uint8_t* rgb);

// An image (1 or 3, H, W) with values clamped to [0, 1], no normalisation: what a photo
// looks like.
RgbImage render_image(const Tensor& image);

// ---- layout -------------------------------------------------------------------------

// Each pixel repeated factor x factor times: small maps (24x24) stay sharp when enlarged.
RgbImage scaled_nearest(const RgbImage& image, int factor);

// Tiles of equal size in a grid of `columns` (0: as square as possible) with `gap`
// pixels of mid grey between and around them.
RgbImage contact_sheet(const std::vector<RgbImage>& tiles, int columns = 0, int gap = 2);

// ---- writing ------------------------------------------------------------------------

// The PNG file's bytes.
std::string encode_png(const RgbImage& image);

// Writes the PNG whole or not at all (write_file_atomically): no reader sees half a
// file. InputError naming the file when it cannot be written.
void write_png(const std::string& path, const RgbImage& image);

// The same for an RGBA frame, top row first, as GL reads a screenshot back: a 4-channel PNG.
void write_rgba_png(const std::string& path, int width, int height,
                    const std::vector<std::uint8_t>& rgba_top_down);

// How many different RGB colours an RGBA frame holds: a blank frame has one or two.
std::size_t count_distinct_colours(const std::vector<std::uint8_t>& rgba);

}  // namespace convscope
