// Sections: exact palettes, quantized palettes, binned palettes (photographs), indexing.
#include "core/formats/indexed_frames.hpp"

#include <algorithm>
#include <cstddef>

#include "core/formats/colour_histogram.hpp"
#include "core/formats/palette_quantizer.hpp"

namespace convscope {

namespace {

constexpr std::size_t kGifColours = 256;
// Quantized palettes keep one index free for the transparent pixels of later frames.
constexpr int kQuantizedColours = static_cast<int>(kGifColours) - 1;

// Above this many distinct colours (photographs, not lessons) the frames are counted in
// 6-bit-per-channel bins instead of colours, so time and memory stay bounded: a bin spans
// 4 levels per channel, which adds at most 3 levels of error.
constexpr std::size_t kMaxColoursSeenExactly = 32768;
constexpr int kBinBits = 6;

std::size_t pixel_count(const RgbImage& frame) {
    return static_cast<std::size_t>(frame.width) * static_cast<std::size_t>(frame.height);
}

// ---- exact palettes --------------------------------------------------------------------

// The colours with their pixel counts, most common first (the same frames always give
// the same palette).
std::vector<WeightedColour> sorted_colours(ColourHistogram& histogram) {
    std::vector<WeightedColour> colours;
    colours.reserve(histogram.size());
    histogram.for_each([&](const ColourHistogram::Entry& entry) {
        colours.push_back({entry.rgb, entry.count});
    });
    std::sort(colours.begin(), colours.end(), [](const WeightedColour& a, const WeightedColour& b) {
        return a.count != b.count ? a.count > b.count : a.rgb < b.rgb;
    });
    return colours;
}

// Every colour gets its own index, most common first.
std::vector<std::uint32_t> exact_palette(ColourHistogram& histogram) {
    std::vector<std::uint32_t> palette;
    for (const WeightedColour& colour : sorted_colours(histogram)) palette.push_back(colour.rgb);
    for (std::size_t i = 0; i < palette.size(); ++i)
        histogram.find(palette[i])->index = static_cast<std::uint32_t>(i);
    return palette;
}

// ---- quantized palettes ----------------------------------------------------------------

// Each colour's index is its nearest palette colour, found once per distinct colour.
std::vector<std::uint32_t> quantized_palette(ColourHistogram& histogram) {
    const std::vector<std::uint32_t> palette =
        quantize_colours(sorted_colours(histogram), kQuantizedColours);
    const NearestColour nearest(palette);
    histogram.for_each([&](ColourHistogram::Entry& entry) {
        entry.index = static_cast<std::uint32_t>(nearest.index_of(entry.rgb));
    });
    return palette;
}

std::vector<std::uint8_t> indices_of(const RgbImage& frame, ColourHistogram& histogram) {
    const std::size_t count = pixel_count(frame);
    std::vector<std::uint8_t> indices(count);
    const std::uint8_t* rgb = frame.rgb.data();
    std::uint32_t last_colour = ColourHistogram::kEmpty;
    std::uint8_t last_index = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t colour = pack_rgb(rgb + 3 * i);
        if (colour != last_colour) {  // runs of one colour skip the lookup
            last_colour = colour;
            last_index = static_cast<std::uint8_t>(histogram.find(colour)->index);
        }
        indices[i] = last_index;
    }
    return indices;
}

// ---- binned palettes (photographs) -----------------------------------------------------

std::size_t bin_of(const std::uint8_t* rgb) {
    constexpr int drop = 8 - kBinBits;
    const auto level = [](std::uint8_t value) { return static_cast<std::size_t>(value) >> drop; };
    return (level(rgb[0]) << (2 * kBinBits)) | (level(rgb[1]) << kBinBits) | level(rgb[2]);
}

// The palette from each bin's weighted mean colour, and every frame's indices through its
// bins: a plain table lookup per pixel.
void index_binned(const std::vector<RgbImage>& frames, IndexedFrames& result) {
    struct Bin {
        std::uint64_t weight = 0;
        std::uint64_t sum[3] = {0, 0, 0};
    };
    std::vector<Bin> bins(std::size_t{1} << (3 * kBinBits));
    for (const RgbImage& frame : frames) {
        const std::uint8_t* rgb = frame.rgb.data();
        for (std::size_t i = 0, n = pixel_count(frame); i < n; ++i, rgb += 3) {
            Bin& bin = bins[bin_of(rgb)];
            ++bin.weight;
            for (int c = 0; c < 3; ++c) bin.sum[c] += rgb[c];
        }
    }
    std::vector<WeightedColour> means;
    std::vector<std::size_t> mean_bins;
    for (std::size_t b = 0; b < bins.size(); ++b) {
        const Bin& bin = bins[b];
        if (bin.weight == 0) continue;
        std::uint32_t rgb = 0;
        for (int c = 0; c < 3; ++c)
            rgb =
                (rgb << 8) | static_cast<std::uint32_t>((bin.sum[c] + bin.weight / 2) / bin.weight);
        means.push_back({rgb, bin.weight});
        mean_bins.push_back(b);
    }
    result.palette = quantize_colours(means, kQuantizedColours);
    const NearestColour nearest(result.palette);
    std::vector<std::uint8_t> bin_index(bins.size(), 0);
    for (std::size_t m = 0; m < means.size(); ++m)
        bin_index[mean_bins[m]] = static_cast<std::uint8_t>(nearest.index_of(means[m].rgb));
    for (const RgbImage& frame : frames) {
        std::vector<std::uint8_t> indices(pixel_count(frame));
        const std::uint8_t* rgb = frame.rgb.data();
        for (std::size_t i = 0; i < indices.size(); ++i, rgb += 3)
            indices[i] = bin_index[bin_of(rgb)];
        result.indices.push_back(std::move(indices));
    }
}

}  // namespace

// ---- indexing --------------------------------------------------------------------------

IndexedFrames index_frames(const std::vector<RgbImage>& frames) {
    IndexedFrames result;
    ColourHistogram histogram;
    bool counted = true;
    for (const RgbImage& frame : frames)
        if (!count_colours(frame.rgb.data(), pixel_count(frame), histogram,
                           kMaxColoursSeenExactly)) {
            counted = false;
            break;
        }
    result.exact = counted && histogram.size() <= kGifColours;
    if (!counted) {
        index_binned(frames, result);
    } else {
        result.palette = result.exact ? exact_palette(histogram) : quantized_palette(histogram);
        result.indices.reserve(frames.size());
        for (const RgbImage& frame : frames) result.indices.push_back(indices_of(frame, histogram));
    }
    if (result.palette.size() < kGifColours)
        result.transparent = static_cast<int>(result.palette.size());
    return result;
}

}  // namespace convscope
