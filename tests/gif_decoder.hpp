// A GIF read back with giflib's decoder (DGifSlurp) and composed frame by frame as a
// viewer shows it: each image drawn at its offset over the previous picture, its
// transparent index skipped, its disposal mode applied before the next one. Tests of
// the encoder and of the export compare these pictures with what was encoded.
#pragma once

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/formats/image_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope::testing {

struct GifFrameInfo {
    int left = 0, top = 0, width = 0, height = 0;  // the stored rectangle
    bool has_control = false;                      // a graphics control block precedes it
    int delay_centiseconds = 0;
    int transparent = NO_TRANSPARENT_COLOR;
    int disposal = DISPOSAL_UNSPECIFIED;
    bool local_palette = false;
};

struct DecodedGif {
    int width = 0, height = 0;  // the logical screen
    int global_colours = 0;     // entries in the global palette, 0 when there is none
    int loop_count = -1;        // NETSCAPE2.0 count (0: forever); -1 without the block
    std::vector<GifFrameInfo> info;
    std::vector<RgbImage> frames;  // composed, the logical screen's size
};

namespace gif_detail {

struct Input {
    const std::string* bytes;
    std::size_t offset;
};

inline int read_bytes(GifFileType* gif, GifByteType* into, int length) {
    auto* input = static_cast<Input*>(gif->UserData);
    const std::size_t left = input->bytes->size() - input->offset;
    const std::size_t count = std::min(left, static_cast<std::size_t>(length));
    std::memcpy(into, input->bytes->data() + input->offset, count);
    input->offset += count;
    return static_cast<int>(count);
}

// The loop count of a NETSCAPE2.0 application block among `blocks`, or -1.
inline int loop_count_in(const ExtensionBlock* blocks, int count) {
    for (int i = 0; i + 1 < count; ++i) {
        const ExtensionBlock& name = blocks[i];
        const ExtensionBlock& data = blocks[i + 1];
        if (name.Function == APPLICATION_EXT_FUNC_CODE && name.ByteCount == 11 &&
            std::memcmp(name.Bytes, "NETSCAPE2.0", 11) == 0 &&
            data.Function == CONTINUE_EXT_FUNC_CODE && data.ByteCount == 3 && data.Bytes[0] == 1)
            return data.Bytes[1] | (data.Bytes[2] << 8);
    }
    return -1;
}

inline void paint(RgbImage& canvas, int x, int y, const GifColorType& colour) {
    std::uint8_t* pixel = canvas.pixel(y, x);
    pixel[0] = colour.Red, pixel[1] = colour.Green, pixel[2] = colour.Blue;
}

}  // namespace gif_detail

// Throws std::runtime_error for a file giflib cannot read or an index outside its palette.
inline DecodedGif decode_gif(const std::string& bytes) {
    gif_detail::Input input{&bytes, 0};
    int error = 0;
    GifFileType* gif = DGifOpen(&input, gif_detail::read_bytes, &error);
    if (gif == nullptr) throw std::runtime_error("DGifOpen: " + std::to_string(error));
    struct Closer {
        GifFileType* gif;
        ~Closer() { DGifCloseFile(gif, nullptr); }
    } closer{gif};
    if (DGifSlurp(gif) == GIF_ERROR)
        throw std::runtime_error("DGifSlurp: " + std::to_string(gif->Error));

    DecodedGif decoded;
    decoded.width = gif->SWidth;
    decoded.height = gif->SHeight;
    decoded.global_colours = gif->SColorMap != nullptr ? gif->SColorMap->ColorCount : 0;
    decoded.loop_count = gif_detail::loop_count_in(gif->ExtensionBlocks, gif->ExtensionBlockCount);
    if (decoded.loop_count < 0 && gif->ImageCount > 0)  // DGifSlurp files it with image 0
        decoded.loop_count = gif_detail::loop_count_in(gif->SavedImages[0].ExtensionBlocks,
                                                       gif->SavedImages[0].ExtensionBlockCount);

    RgbImage canvas;
    canvas.width = gif->SWidth;
    canvas.height = gif->SHeight;
    canvas.rgb.assign(static_cast<std::size_t>(canvas.width) * canvas.height * 3, 0);
    GifColorType background{0, 0, 0};
    if (gif->SColorMap != nullptr && gif->SBackGroundColor < gif->SColorMap->ColorCount)
        background = gif->SColorMap->Colors[gif->SBackGroundColor];
    for (int y = 0; y < canvas.height; ++y)
        for (int x = 0; x < canvas.width; ++x) gif_detail::paint(canvas, x, y, background);

    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage& image = gif->SavedImages[i];
        const GifImageDesc& desc = image.ImageDesc;
        GifFrameInfo info;
        info.left = desc.Left, info.top = desc.Top, info.width = desc.Width,
        info.height = desc.Height;
        info.local_palette = desc.ColorMap != nullptr;
        GraphicsControlBlock control;
        info.has_control = DGifSavedExtensionToGCB(gif, i, &control) == GIF_OK;
        if (info.has_control) {
            info.delay_centiseconds = control.DelayTime;
            info.transparent = control.TransparentColor;
            info.disposal = control.DisposalMode;
        }
        const ColorMapObject* map = desc.ColorMap != nullptr ? desc.ColorMap : gif->SColorMap;
        if (map == nullptr)
            throw std::runtime_error("frame " + std::to_string(i) + " has no palette");

        const RgbImage before = canvas;  // for "restore previous" disposal
        for (int y = 0; y < desc.Height; ++y) {
            for (int x = 0; x < desc.Width; ++x) {
                const int index = image.RasterBits[y * desc.Width + x];
                if (index == info.transparent) continue;
                if (index >= map->ColorCount) throw std::runtime_error("index outside the palette");
                const int cx = desc.Left + x, cy = desc.Top + y;
                if (cx < canvas.width && cy < canvas.height)
                    gif_detail::paint(canvas, cx, cy, map->Colors[index]);
            }
        }
        decoded.frames.push_back(canvas);
        decoded.info.push_back(info);
        if (info.disposal == DISPOSE_PREVIOUS) canvas = before;
        if (info.disposal == DISPOSE_BACKGROUND)
            for (int y = desc.Top; y < std::min(canvas.height, desc.Top + desc.Height); ++y)
                for (int x = desc.Left; x < std::min(canvas.width, desc.Left + desc.Width); ++x)
                    gif_detail::paint(canvas, x, y, background);
    }
    return decoded;
}

}  // namespace convscope::testing
