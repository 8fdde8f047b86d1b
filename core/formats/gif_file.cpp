// Sections: checking the frames, the changed rectangle, writing through giflib.
#include "core/formats/gif_file.hpp"

#include <gif_lib.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>

#include "core/formats/atomic_file.hpp"
#include "core/formats/indexed_frames.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// ---- checking the frames ---------------------------------------------------------------

constexpr int kMaxGifSide = 65535;  // the format's 16-bit width and height
constexpr int kMinDelay = 2;        // browsers turn 0 and 1 into 10 centiseconds
constexpr int kMaxDelay = 65535;    // the graphics control block's 16-bit delay

std::string size_text(const RgbImage& frame) {
    return std::to_string(frame.width) + "x" + std::to_string(frame.height);
}

void check_frames(const std::vector<RgbImage>& frames, const GifOptions& options) {
    if (frames.empty()) throw InputError("cannot encode GIF: no frames; pass at least one step");
    const RgbImage& first = frames.front();
    if (first.width <= 0 || first.height <= 0 || first.width > kMaxGifSide ||
        first.height > kMaxGifSide)
        throw InputError("cannot encode GIF: frame size " + size_text(first) +
                         " is not a picture; use a size from 1x1 to 65535x65535");
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const RgbImage& frame = frames[i];
        if (frame.width != first.width || frame.height != first.height)
            throw InputError("cannot encode GIF: frame " + std::to_string(i) + " is " +
                             size_text(frame) + " but frame 0 is " + size_text(first) +
                             "; render every frame at one size");
        if (frame.rgb.size() != static_cast<std::size_t>(frame.width) * frame.height * 3)
            throw InputError("cannot encode GIF: frame " + std::to_string(i) + " holds " +
                             std::to_string(frame.rgb.size()) + " bytes, not 3 per pixel of " +
                             size_text(frame));
    }
    if (options.delay_centiseconds < kMinDelay || options.delay_centiseconds > kMaxDelay)
        throw InputError("cannot encode GIF: frame delay " +
                         std::to_string(options.delay_centiseconds) +
                         " cs is out of range; use 2 to 65535 (a frame rate of at most 50 fps)");
}

// ---- the changed rectangle -------------------------------------------------------------

struct Rect {
    int left = 0, top = 0, width = 0, height = 0;
};

// The smallest rectangle holding every pixel where `now` differs from `before`
// (width x height indices each); 1x1 at the origin when nothing changed, since every
// frame needs an image to carry its delay.
Rect changed_rect(const std::vector<std::uint8_t>& before, const std::vector<std::uint8_t>& now,
                  int width, int height) {
    const auto row = [&](const std::vector<std::uint8_t>& image, int y) {
        return image.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
    };
    const auto row_differs = [&](int y) {
        return std::memcmp(row(before, y), row(now, y), static_cast<std::size_t>(width)) != 0;
    };
    int top = 0;
    while (top < height && !row_differs(top)) ++top;
    if (top == height) return Rect{0, 0, 1, 1};
    int bottom = height - 1;
    while (!row_differs(bottom)) --bottom;
    int left = width, right = -1;
    for (int y = top; y <= bottom; ++y) {
        const std::uint8_t* a = row(before, y);
        const std::uint8_t* b = row(now, y);
        for (int x = 0; x < left; ++x)
            if (a[x] != b[x]) left = x;
        for (int x = width - 1; x > right; --x)
            if (a[x] != b[x]) right = x;
    }
    return Rect{left, top, right - left + 1, bottom - top + 1};
}

// ---- writing through giflib ------------------------------------------------------------

// Where giflib's output function appends the file's bytes.
struct Output {
    std::string bytes;
    bool failed = false;  // an append threw: giflib is C, so no exception may cross it
};

int append_bytes(GifFileType* gif, const GifByteType* data, int length) {
    auto* output = static_cast<Output*>(gif->UserData);
    try {
        output->bytes.append(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length));
    } catch (...) {
        output->failed = true;
        return 0;  // giflib reports E_GIF_ERR_WRITE_FAILED
    }
    return length;
}

std::string giflib_message(int code) {
    const char* text = GifErrorString(code);
    return text != nullptr ? text : "giflib error " + std::to_string(code);
}

// An encoder giflib closes (and frees) on every path; close() is the checked success path.
class GifEncoder {
  public:
    explicit GifEncoder(Output& output) {
        int error = 0;
        gif_ = EGifOpen(&output, append_bytes, &error);
        if (gif_ == nullptr)
            throw InputError("cannot encode GIF: giflib cannot start: " + giflib_message(error));
    }
    ~GifEncoder() {
        if (gif_ != nullptr) EGifCloseFile(gif_, nullptr);
    }
    GifEncoder(const GifEncoder&) = delete;
    GifEncoder& operator=(const GifEncoder&) = delete;

    GifFileType* get() const { return gif_; }

    // Throws InputError naming `step` when a giflib call returned GIF_ERROR.
    void check(int status, const char* step) const {
        if (status == GIF_ERROR)
            throw InputError(std::string("cannot encode GIF: giflib failed to ") + step + ": " +
                             giflib_message(gif_->Error));
    }

    void close() {
        int error = 0;
        const int status = EGifCloseFile(gif_, &error);
        gif_ = nullptr;  // freed whatever the status
        if (status == GIF_ERROR)
            throw InputError("cannot encode GIF: giflib failed to finish the file: " +
                             giflib_message(error));
    }

  private:
    GifFileType* gif_ = nullptr;
};

struct ColourMapDeleter {
    void operator()(ColorMapObject* map) const { GifFreeMapObject(map); }
};

// The palette padded to a power of two (what GIF stores), unused entries black.
std::unique_ptr<ColorMapObject, ColourMapDeleter> colour_map(const IndexedFrames& indexed) {
    const int used = static_cast<int>(indexed.palette.size()) + (indexed.transparent >= 0 ? 1 : 0);
    int size = 2;  // GIF's smallest colour table
    while (size < used) size *= 2;
    std::vector<GifColorType> colours(static_cast<std::size_t>(size), GifColorType{0, 0, 0});
    for (std::size_t i = 0; i < indexed.palette.size(); ++i) {
        const std::uint32_t rgb = indexed.palette[i];
        colours[i] =
            GifColorType{static_cast<GifByteType>(rgb >> 16), static_cast<GifByteType>(rgb >> 8),
                         static_cast<GifByteType>(rgb)};
    }
    std::unique_ptr<ColorMapObject, ColourMapDeleter> map(GifMakeMapObject(size, colours.data()));
    if (!map) throw InputError("cannot encode GIF: out of memory for the colour table");
    return map;
}

// NETSCAPE2.0 with a loop count of 0: play forever. It must follow the global palette.
void put_loop_extension(const GifEncoder& encoder) {
    GifFileType* gif = encoder.get();
    const GifByteType loop_forever[3] = {1, 0, 0};  // sub-block 1, count 0 (little endian)
    encoder.check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "start the loop block");
    encoder.check(EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0"), "write the loop block");
    encoder.check(EGifPutExtensionBlock(gif, 3, loop_forever), "write the loop count");
    encoder.check(EGifPutExtensionTrailer(gif), "end the loop block");
}

void put_frame(const GifEncoder& encoder, const IndexedFrames& indexed, std::size_t frame,
               int width, int height, const GifOptions& options) {
    GifFileType* gif = encoder.get();
    const std::vector<std::uint8_t>& now = indexed.indices[frame];
    const bool whole = frame == 0;
    const Rect rect = whole ? Rect{0, 0, width, height}
                            : changed_rect(indexed.indices[frame - 1], now, width, height);
    const int transparent = whole ? -1 : indexed.transparent;

    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;  // the next frame draws over this one
    control.UserInputFlag = false;
    control.DelayTime = options.delay_centiseconds;
    control.TransparentColor = transparent >= 0 ? transparent : NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const std::size_t extension_size = EGifGCBToExtension(&control, extension);
    encoder.check(
        EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(extension_size), extension),
        "write a frame's delay");
    encoder.check(
        EGifPutImageDesc(gif, rect.left, rect.top, rect.width, rect.height, false, nullptr),
        "start a frame");

    std::vector<GifPixelType> line(static_cast<std::size_t>(rect.width));
    for (int y = rect.top; y < rect.top + rect.height; ++y) {
        const std::size_t start = static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                  static_cast<std::size_t>(rect.left);
        const std::uint8_t* row_now = now.data() + start;
        if (transparent < 0) {
            std::copy(row_now, row_now + rect.width, line.begin());
        } else {  // what did not change shows through, so LZW sees long runs of one index
            const std::uint8_t* row_before = indexed.indices[frame - 1].data() + start;
            for (int x = 0; x < rect.width; ++x)
                line[static_cast<std::size_t>(x)] = row_now[x] == row_before[x]
                                                        ? static_cast<GifPixelType>(transparent)
                                                        : row_now[x];
        }
        encoder.check(EGifPutLine(gif, line.data(), rect.width), "write a frame's pixels");
    }
}

}  // namespace

std::string encode_gif(const std::vector<RgbImage>& frames, const GifOptions& options) {
    check_frames(frames, options);
    const IndexedFrames indexed = index_frames(frames);
    const int width = frames.front().width;
    const int height = frames.front().height;

    Output output;
    GifEncoder encoder(output);
    EGifSetGifVersion(encoder.get(), true);  // GIF89a: delays, transparency, looping
    const auto map = colour_map(indexed);
    encoder.check(EGifPutScreenDesc(encoder.get(), width, height, 8, 0, map.get()),
                  "write the screen and palette");
    if (options.loop) put_loop_extension(encoder);
    for (std::size_t frame = 0; frame < frames.size(); ++frame)
        put_frame(encoder, indexed, frame, width, height, options);
    encoder.close();
    if (output.failed) throw InputError("cannot encode GIF: out of memory for the file's bytes");
    return std::move(output.bytes);
}

void write_gif(const std::string& path, const std::vector<RgbImage>& frames,
               const GifOptions& options) {
    write_file_atomically(path, encode_gif(frames, options), "GIF");
}

}  // namespace convscope
