// The colour machinery under GIF export: the pixel-count histogram, the nearest-colour
// lookup (against a search of every entry) and the quantizer's palettes.
#include <doctest/doctest.h>

#include <climits>
#include <map>
#include <random>

#include "core/formats/colour_histogram.hpp"
#include "core/formats/palette_quantizer.hpp"

using namespace convscope;

namespace {

int channel(std::uint32_t rgb, int c) {
    return static_cast<int>((rgb >> (16 - 8 * c)) & 0xFFu);
}

int distance(std::uint32_t a, std::uint32_t b) {
    int sum = 0;
    for (int c = 0; c < 3; ++c)
        sum += (channel(a, c) - channel(b, c)) * (channel(a, c) - channel(b, c));
    return sum;
}

int brute_force_distance(const std::vector<std::uint32_t>& palette, std::uint32_t rgb) {
    int best = INT_MAX;
    for (std::uint32_t entry : palette) best = std::min(best, distance(entry, rgb));
    return best;
}

}  // namespace

TEST_CASE("the histogram counts every colour as a map would, through its growth") {
    std::mt19937 random(3);
    std::vector<std::uint8_t> rgb;
    std::map<std::uint32_t, std::uint64_t> expected;
    for (int i = 0; i < 20000; ++i) {
        // Runs of one colour and colours from a range wider than the first table.
        const std::uint32_t colour = random() % 5000 * 3331 % 0x1000000;
        const int run = 1 + static_cast<int>(random() % 4);
        for (int r = 0; r < run; ++r) {
            rgb.push_back(static_cast<std::uint8_t>(colour >> 16));
            rgb.push_back(static_cast<std::uint8_t>(colour >> 8));
            rgb.push_back(static_cast<std::uint8_t>(colour));
            ++expected[colour];
        }
    }
    ColourHistogram histogram;
    CHECK(count_colours(rgb.data(), rgb.size() / 3, histogram, expected.size()));
    CHECK(histogram.size() == expected.size());
    std::map<std::uint32_t, std::uint64_t> counted;
    histogram.for_each(
        [&](const ColourHistogram::Entry& entry) { counted[entry.rgb] = entry.count; });
    CHECK(counted == expected);
    for (const auto& [colour, count] : expected) {
        const ColourHistogram::Entry* entry = histogram.find(colour);
        REQUIRE(entry != nullptr);
        CHECK(entry->count == count);
    }
    std::uint32_t absent = 0;
    while (expected.count(absent) != 0) ++absent;
    CHECK(histogram.find(absent) == nullptr);
}

TEST_CASE("counting stops once the colours exceed the limit") {
    std::vector<std::uint8_t> rgb;
    for (int i = 0; i < 20; ++i) rgb.insert(rgb.end(), {static_cast<std::uint8_t>(i), 0, 0});
    ColourHistogram within;
    CHECK(count_colours(rgb.data(), 20, within, 20));
    CHECK(within.size() == 20);
    ColourHistogram over;
    CHECK_FALSE(count_colours(rgb.data(), 20, over, 10));
    CHECK(over.size() == 11);  // the first colour past the limit, no more
}

TEST_CASE("the nearest colour is as near as a search of every palette entry finds") {
    std::mt19937 random(7);
    for (int size : {1, 2, 17, 255}) {
        std::vector<std::uint32_t> palette;
        for (int i = 0; i < size; ++i) palette.push_back(random() % 0x1000000);
        if (size > 2) palette[1] = palette[0];  // duplicates are allowed
        const NearestColour nearest(palette);
        for (int i = 0; i < 3000; ++i) {
            const std::uint32_t colour = random() % 0x1000000;
            const int index = nearest.index_of(colour);
            REQUIRE(index >= 0);
            REQUIRE(index < size);
            CHECK(distance(palette[static_cast<std::size_t>(index)], colour) ==
                  brute_force_distance(palette, colour));
        }
    }
}

TEST_CASE("no more colours than the palette holds: each comes back exactly") {
    const std::vector<WeightedColour> colours = {{0x102030, 5}, {0xFFFFFF, 100}, {0x000001, 1}};
    CHECK(quantize_colours(colours, 3) == std::vector<std::uint32_t>{0x102030, 0xFFFFFF, 0x000001});
}

TEST_CASE("separate clusters each get their own entry; a dominant colour keeps its own") {
    // Eight clusters of shades around well-apart centres; in each, one colour covers
    // far more pixels than its neighbours (a flat cell and its anti-aliased edges).
    std::mt19937 random(11);
    std::vector<WeightedColour> colours;
    std::vector<std::uint32_t> centres;
    for (int k = 0; k < 8; ++k) {
        const std::uint32_t centre =
            (((k & 1) ? 200u : 40u) << 16) | (((k & 2) ? 200u : 40u) << 8) | ((k & 4) ? 200u : 40u);
        centres.push_back(centre);
        colours.push_back({centre, 100000});
        for (int i = 0; i < 60; ++i) {
            const std::uint32_t dr = random() % 9, dg = random() % 9, db = random() % 9;
            colours.push_back({centre + (dr << 16) + (dg << 8) + db, 1 + random() % 20});
        }
    }
    const std::vector<std::uint32_t> palette = quantize_colours(colours, 8);
    REQUIRE(palette.size() == 8);
    for (std::uint32_t centre : centres) CHECK(brute_force_distance(palette, centre) == 0);
    // Every shade maps to its own cluster's entry, within the cluster's spread.
    const NearestColour nearest(palette);
    for (const WeightedColour& colour : colours)
        CHECK(distance(palette[static_cast<std::size_t>(nearest.index_of(colour.rgb))],
                       colour.rgb) <= 3 * 8 * 8);
}
