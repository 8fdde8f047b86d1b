// A PNG written row by row (libspng, progressive encoding), so a picture of any height
// never sits whole in memory. Fast settings: zlib level 1 and the Sub filter on every
// row (cheap, and smooth feature maps compress well with it). For the feature maps of a
// big photo; small pictures keep image_file's write_png().
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/formats/image_file.hpp"

struct spng_ctx;

namespace convscope {

class PngRowWriter {
  public:
    // Opens `path` for a width x height 8-bit RGB picture. The caller writes into a
    // temporary path and renames it (the file is incomplete until finish()).
    // InputError naming the file when it cannot be created.
    PngRowWriter(const std::string& path, int width, int height);
    // Closes the file; a writer not finished removes what it wrote.
    ~PngRowWriter();
    PngRowWriter(const PngRowWriter&) = delete;
    PngRowWriter& operator=(const PngRowWriter&) = delete;

    // One row of width * 3 bytes, top row first.
    void write_row(const std::uint8_t* rgb);
    // After the last row: writes the end of the file and closes it; InputError on any
    // failure (a full disk).
    void finish();

    int rows_written() const { return rows_written_; }

  private:
    void discard();  // frees, closes and removes an unfinished file
    [[noreturn]] void fail(const std::string& reason);

    std::string path_;
    int width_, height_;
    int rows_written_ = 0;
    std::FILE* file_ = nullptr;
    spng_ctx* context_ = nullptr;
    bool finished_ = false;
};

// A whole picture through PngRowWriter (fast settings): `path` is written directly, so
// give it a staging or temporary path.
void write_png_rows(const std::string& path, const RgbImage& image);

}  // namespace convscope
