// Animated GIF files of a lesson's steps, through Debian's giflib.
//
// The file has one global palette: exact when all frames together hold at most 256
// colours (the theme's flat cells do), else 255 colours quantized over every frame's
// pixels, each colour mapped to its nearest, with no dithering so flat cells stay flat.
// The first frame is whole; every later one stores only the rectangle that changed
// since the previous frame, with the pixels that did not change inside it transparent
// (when a palette slot is free) and "leave in place" disposal, so a 9-step 800x600
// lesson takes tens of kilobytes, not megabytes.
#pragma once

#include <string>
#include <vector>

#include "core/formats/image_file.hpp"

namespace convscope {

struct GifOptions {
    // Per frame, from --fps (100 / fps, at least 2): browsers show delays under 2 cs
    // as 10 cs, so encode_gif refuses them. At most 65535.
    int delay_centiseconds = 50;
    bool loop = true;  // NETSCAPE2.0 loop forever; false plays the frames once
};

// The GIF file's bytes. Every frame the same size; throws InputError for no frames,
// mismatched or empty sizes (or sides over 65535), a delay out of range, and any error
// giflib reports.
std::string encode_gif(const std::vector<RgbImage>& frames, const GifOptions& options);

// encode_gif then write_file_atomically (core/formats/atomic_file.hpp), "GIF" as the what:
// the whole file or none.
void write_gif(const std::string& path, const std::vector<RgbImage>& frames,
               const GifOptions& options);

}  // namespace convscope
