// Frames of RGB pixels turned into palette indices for GIF: one palette shared by every
// frame, exact when all frames together hold at most 256 colours, quantized (no
// dithering) when they hold more.
#pragma once

#include <cstdint>
#include <vector>

#include "core/formats/image_file.hpp"

namespace convscope {

struct IndexedFrames {
    std::vector<std::uint32_t> palette;  // 0xRRGGBB, at most 256 entries
    // An index no pixel uses, for pixels a frame leaves as they were; -1 when all 256
    // indices hold colours (exactly 256 colours in the frames).
    int transparent = -1;
    bool exact = true;                               // every pixel's colour is in the palette
    std::vector<std::vector<std::uint8_t>> indices;  // per frame, width * height, top row first
};

// The palette and each frame's indices. Frames must all have the same, non-zero size
// (gif_file.cpp checks). Exact palettes list colours by pixel count, most common first;
// otherwise 255 colours come from quantize_colours() over the pixel counts of all frames
// and each colour maps to its nearest palette colour. Frames with more than 32768
// colours (photographs) are counted and mapped by 6-bit-per-channel bins instead, which
// bounds time and memory and adds at most 3 levels of error per channel.
IndexedFrames index_frames(const std::vector<RgbImage>& frames);

}  // namespace convscope
