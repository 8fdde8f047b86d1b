#include "core/formats/png_rows.hpp"

#include <spng.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/tensor/check.hpp"

namespace convscope {

PngRowWriter::PngRowWriter(const std::string& path, int width, int height)
    : path_(path), width_(width), height_(height) {
    CS_CHECK(width >= 1 && height >= 1);
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) fail(std::strerror(errno));
    context_ = spng_ctx_new(SPNG_CTX_ENCODER);
    if (!context_) fail("out of memory");
    spng_ihdr header{};
    header.width = static_cast<std::uint32_t>(width);
    header.height = static_cast<std::uint32_t>(height);
    header.bit_depth = 8;
    header.color_type = SPNG_COLOR_TYPE_TRUECOLOR;
    int error = spng_set_png_file(context_, file_);
    if (!error) error = spng_set_ihdr(context_, &header);
    // Level 1 and one filter: most of the time of a big map goes to zlib, and trying
    // every filter per row (the default) costs more than it saves.
    if (!error) error = spng_set_option(context_, SPNG_IMG_COMPRESSION_LEVEL, 1);
    if (!error) error = spng_set_option(context_, SPNG_FILTER_CHOICE, SPNG_FILTER_CHOICE_SUB);
    if (!error)
        error = spng_encode_image(context_, nullptr, 0, SPNG_FMT_PNG,
                                  SPNG_ENCODE_PROGRESSIVE | SPNG_ENCODE_FINALIZE);
    if (error) fail(spng_strerror(error));
}

PngRowWriter::~PngRowWriter() {
    discard();
}

void PngRowWriter::discard() {
    if (context_) spng_ctx_free(context_);
    context_ = nullptr;
    if (file_) std::fclose(file_);
    file_ = nullptr;
    if (!finished_) {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
}

void PngRowWriter::fail(const std::string& reason) {
    discard();  // also when the constructor throws, which the destructor would not see
    throw InputError(Message("cannot write {what} '{path}': {reason}",
                             {{"what", "PNG"}, {"path", path_}, {"reason", reason}}));
}

void PngRowWriter::write_row(const std::uint8_t* rgb) {
    CS_CHECK(!finished_ && rows_written_ < height_);
    const int error = spng_encode_row(context_, rgb, static_cast<std::size_t>(width_) * 3);
    ++rows_written_;
    // The last row returns SPNG_EOI: the image is complete and the file finalised.
    if (error && !(error == SPNG_EOI && rows_written_ == height_)) fail(spng_strerror(error));
}

void PngRowWriter::finish() {
    CS_CHECK(rows_written_ == height_ && !finished_);
    spng_ctx_free(context_);
    context_ = nullptr;
    errno = 0;
    const bool flushed = std::fflush(file_) == 0;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed) fail(errno ? std::strerror(errno) : "the write failed");
    finished_ = true;
}

void write_png_rows(const std::string& path, const RgbImage& image) {
    PngRowWriter writer(path, image.width, image.height);
    for (int y = 0; y < image.height; ++y) writer.write_row(image.pixel(y, 0));
    writer.finish();
}

}  // namespace convscope
