// A palette of at most N colours for images that hold more (anti-aliased text makes
// thousands of shades), and the nearest palette colour of any colour. No dithering
// anywhere: one input colour always maps to one palette colour, so flat cells stay flat.
#pragma once

#include <cstdint>
#include <vector>

namespace convscope {

struct WeightedColour {
    std::uint32_t rgb = 0;    // 0xRRGGBB
    std::uint64_t count = 0;  // pixels of this colour: its weight
};

// At most max_colours (>= 1) colours summarising `colours`, weighted by pixel count:
// a median cut that always splits the box with the largest squared error at the point
// that lowers it most, then a few rounds of k-means (Lloyd) that move every palette
// colour to the weighted mean of the colours mapped to it. Colours that cover many
// pixels (flat cells) pull their entry onto themselves; fewer input colours than
// max_colours give back each of them exactly.
std::vector<std::uint32_t> quantize_colours(std::vector<WeightedColour> colours, int max_colours);

// The palette entry closest to a colour in squared RGB distance. The palette is sorted
// by green once, so a lookup scans outward from the colour's green and stops when the
// green difference alone exceeds the best distance: far fewer than N comparisons.
class NearestColour {
  public:
    explicit NearestColour(const std::vector<std::uint32_t>& palette);  // not empty

    // The index into the palette given to the constructor (the same for the same inputs).
    int index_of(std::uint32_t rgb) const;

  private:
    struct Entry {
        int g, r, b;
        int index;
    };
    std::vector<Entry> by_green_;
};

}  // namespace convscope
