// Sections: moments of a set of colours, the median cut, k-means refinement, nearest colour.
#include "core/formats/palette_quantizer.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// Channel 0 is red, 1 green, 2 blue.
int channel_of(std::uint32_t rgb, int channel) {
    return static_cast<int>((rgb >> (16 - 8 * channel)) & 0xFFu);
}

// ---- moments: weight, weighted sums and sums of squares per channel -----------------

struct Moments {
    double weight = 0;
    double sum[3] = {0, 0, 0};
    double squares[3] = {0, 0, 0};

    void add(const WeightedColour& colour) {
        const double w = static_cast<double>(colour.count);
        weight += w;
        for (int c = 0; c < 3; ++c) {
            const double v = channel_of(colour.rgb, c);
            sum[c] += w * v;
            squares[c] += w * v * v;
        }
    }
    Moments minus(const Moments& part) const {
        Moments rest;
        rest.weight = weight - part.weight;
        for (int c = 0; c < 3; ++c) {
            rest.sum[c] = sum[c] - part.sum[c];
            rest.squares[c] = squares[c] - part.squares[c];
        }
        return rest;
    }
    // Weighted squared distance of the colours to their mean, along one channel.
    double variance(int c) const { return weight > 0 ? squares[c] - sum[c] * sum[c] / weight : 0; }
    double error() const { return variance(0) + variance(1) + variance(2); }
    std::uint32_t mean() const {
        std::uint32_t rgb = 0;
        for (int c = 0; c < 3; ++c) {
            const long v = std::lround(sum[c] / weight);
            rgb = (rgb << 8) | static_cast<std::uint32_t>(std::clamp(v, 0L, 255L));
        }
        return rgb;
    }
};

// ---- the median cut ------------------------------------------------------------------

// colours[begin, end) and their moments.
struct Box {
    std::size_t begin = 0;
    std::size_t end = 0;
    Moments moments;
};

Box make_box(const std::vector<WeightedColour>& colours, std::size_t begin, std::size_t end) {
    Box box{begin, end, {}};
    for (std::size_t i = begin; i < end; ++i) box.moments.add(colours[i]);
    return box;
}

// Splits `box` (two colours or more) across its channel of largest variance, at the
// point where the two halves' squared errors add up to the least.
std::pair<Box, Box> split(std::vector<WeightedColour>& colours, const Box& box) {
    int channel = 0;
    for (int c = 1; c < 3; ++c)
        if (box.moments.variance(c) > box.moments.variance(channel)) channel = c;
    const auto first = colours.begin() + static_cast<std::ptrdiff_t>(box.begin);
    const auto last = colours.begin() + static_cast<std::ptrdiff_t>(box.end);
    std::sort(first, last, [channel](const WeightedColour& a, const WeightedColour& b) {
        const int va = channel_of(a.rgb, channel), vb = channel_of(b.rgb, channel);
        return va != vb ? va < vb : a.rgb < b.rgb;
    });
    Moments left;
    std::size_t best_end = box.begin + 1;
    double best_error = -1;
    for (std::size_t i = box.begin; i + 1 < box.end; ++i) {
        left.add(colours[i]);
        const double error = left.error() + box.moments.minus(left).error();
        if (best_error < 0 || error < best_error) {
            best_error = error;
            best_end = i + 1;
        }
    }
    return {make_box(colours, box.begin, best_end), make_box(colours, best_end, box.end)};
}

std::vector<Box> median_cut(std::vector<WeightedColour>& colours, int max_colours) {
    std::vector<Box> boxes{make_box(colours, 0, colours.size())};
    while (static_cast<int>(boxes.size()) < max_colours) {
        std::size_t worst = boxes.size();
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            if (boxes[i].end - boxes[i].begin < 2) continue;
            if (worst == boxes.size() || boxes[i].moments.error() > boxes[worst].moments.error())
                worst = i;
        }
        if (worst == boxes.size()) break;  // every box holds one colour
        auto halves = split(colours, boxes[worst]);
        boxes[worst] = halves.first;
        boxes.push_back(halves.second);
    }
    return boxes;
}

// ---- k-means refinement --------------------------------------------------------------

constexpr int kRefinementRounds = 4;

// Moves each palette colour to the weighted mean of the colours nearest to it, until
// nothing moves or the rounds run out. An entry nothing maps to keeps its colour.
void refine(const std::vector<WeightedColour>& colours, std::vector<std::uint32_t>& palette) {
    for (int round = 0; round < kRefinementRounds; ++round) {
        const NearestColour nearest(palette);
        std::vector<Moments> members(palette.size());
        for (const WeightedColour& colour : colours)
            members[static_cast<std::size_t>(nearest.index_of(colour.rgb))].add(colour);
        bool moved = false;
        for (std::size_t k = 0; k < palette.size(); ++k) {
            if (members[k].weight <= 0) continue;
            const std::uint32_t mean = members[k].mean();
            moved = moved || mean != palette[k];
            palette[k] = mean;
        }
        if (!moved) break;
    }
}

}  // namespace

std::vector<std::uint32_t> quantize_colours(std::vector<WeightedColour> colours, int max_colours) {
    CS_CHECK(max_colours >= 1);
    std::vector<std::uint32_t> palette;
    if (colours.size() <= static_cast<std::size_t>(max_colours)) {
        for (const WeightedColour& colour : colours) palette.push_back(colour.rgb);
        return palette;
    }
    for (const Box& box : median_cut(colours, max_colours)) palette.push_back(box.moments.mean());
    refine(colours, palette);
    return palette;
}

// ---- nearest colour ------------------------------------------------------------------

NearestColour::NearestColour(const std::vector<std::uint32_t>& palette) {
    CS_CHECK(!palette.empty());
    for (std::size_t i = 0; i < palette.size(); ++i)
        by_green_.push_back(Entry{channel_of(palette[i], 1), channel_of(palette[i], 0),
                                  channel_of(palette[i], 2), static_cast<int>(i)});
    std::stable_sort(by_green_.begin(), by_green_.end(),
                     [](const Entry& a, const Entry& b) { return a.g < b.g; });
}

int NearestColour::index_of(std::uint32_t rgb) const {
    const int r = channel_of(rgb, 0), g = channel_of(rgb, 1), b = channel_of(rgb, 2);
    const auto n = static_cast<std::ptrdiff_t>(by_green_.size());
    std::ptrdiff_t up = std::lower_bound(by_green_.begin(), by_green_.end(), g,
                                         [](const Entry& e, int value) { return e.g < value; }) -
                        by_green_.begin();
    std::ptrdiff_t down = up - 1;
    int best = INT_MAX;
    int best_index = by_green_.front().index;
    // Visits one entry: false once its green alone is too far for any later entry to win.
    const auto visit = [&](const Entry& e) {
        const int dg = e.g - g;
        if (dg * dg >= best) return false;
        const int dr = e.r - r, db = e.b - b;
        const int distance = dr * dr + dg * dg + db * db;
        if (distance < best) {
            best = distance;
            best_index = e.index;
        }
        return true;
    };
    while (up < n || down >= 0) {
        if (up < n) up = visit(by_green_[static_cast<std::size_t>(up)]) ? up + 1 : n;
        if (down >= 0) down = visit(by_green_[static_cast<std::size_t>(down)]) ? down - 1 : -1;
    }
    return best_index;
}

}  // namespace convscope
