// How many pixels of each 24-bit RGB colour a set of images holds, and later which
// palette index each colour maps to: an open-addressing hash map, because GIF export
// looks up every pixel of every frame and std::unordered_map is several times slower.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace convscope {

// 0xRRGGBB, the key of the histogram.
inline std::uint32_t pack_rgb(const std::uint8_t* rgb) {
    return (std::uint32_t{rgb[0]} << 16) | (std::uint32_t{rgb[1]} << 8) | rgb[2];
}

class ColourHistogram {
  public:
    struct Entry {
        std::uint32_t rgb;    // 0xRRGGBB, or kEmpty for a free slot
        std::uint32_t index;  // palette index, set by the caller once the palette exists
        std::uint64_t count;  // pixels of this colour
    };
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;  // no 24-bit colour has it

    ColourHistogram();

    // Adds `count` pixels of `rgb`; returns its entry (valid until the next add).
    Entry& add(std::uint32_t rgb, std::uint64_t count);

    // The entry of `rgb`, or nullptr when no pixel had it.
    Entry* find(std::uint32_t rgb);

    std::size_t size() const { return size_; }

    // Every colour present, in slot order (deterministic for the same inputs).
    template <typename Visit>
    void for_each(Visit&& visit) {
        for (Entry& entry : slots_)
            if (entry.rgb != kEmpty) visit(entry);
    }

  private:
    std::size_t slot_of(std::uint32_t rgb) const;
    void grow();

    std::vector<Entry> slots_;
    std::size_t size_ = 0;
    int shift_ = 0;  // 32 - log2(capacity): Fibonacci hashing keeps the top bits
};

// Counts the pixels of 8-bit RGB data (pixel_count pixels). Runs of one colour cost one
// lookup, so flat cells are nearly free. Stops and returns false as soon as the histogram
// holds more than max_colours colours (a photograph), so its memory stays bounded.
bool count_colours(const std::uint8_t* rgb, std::size_t pixel_count, ColourHistogram& histogram,
                   std::size_t max_colours);

}  // namespace convscope
