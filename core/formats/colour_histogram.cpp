#include "core/formats/colour_histogram.hpp"

namespace convscope {

namespace {
constexpr int kInitialBits = 10;  // 1024 slots: lesson frames hold a few hundred colours
}

ColourHistogram::ColourHistogram()
    : slots_(std::size_t{1} << kInitialBits, Entry{kEmpty, 0, 0}), shift_(32 - kInitialBits) {}

std::size_t ColourHistogram::slot_of(std::uint32_t rgb) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = static_cast<std::uint32_t>(rgb * 2654435769u) >> shift_;
    while (slots_[slot].rgb != rgb && slots_[slot].rgb != kEmpty) slot = (slot + 1) & mask;
    return slot;
}

ColourHistogram::Entry& ColourHistogram::add(std::uint32_t rgb, std::uint64_t count) {
    std::size_t slot = slot_of(rgb);
    if (slots_[slot].rgb == kEmpty) {
        // Keep the load under one half so probe runs stay short.
        if (2 * (size_ + 1) > slots_.size()) {
            grow();
            slot = slot_of(rgb);
        }
        slots_[slot] = Entry{rgb, 0, 0};
        ++size_;
    }
    slots_[slot].count += count;
    return slots_[slot];
}

ColourHistogram::Entry* ColourHistogram::find(std::uint32_t rgb) {
    Entry& entry = slots_[slot_of(rgb)];
    return entry.rgb == rgb ? &entry : nullptr;
}

void ColourHistogram::grow() {
    std::vector<Entry> old(slots_.size() * 2, Entry{kEmpty, 0, 0});
    old.swap(slots_);
    --shift_;
    for (const Entry& entry : old)
        if (entry.rgb != kEmpty) slots_[slot_of(entry.rgb)] = entry;
}

bool count_colours(const std::uint8_t* rgb, std::size_t pixel_count, ColourHistogram& histogram,
                   std::size_t max_colours) {
    std::size_t start = 0;
    while (start < pixel_count) {
        const std::uint32_t colour = pack_rgb(rgb + 3 * start);
        std::size_t end = start + 1;
        while (end < pixel_count && pack_rgb(rgb + 3 * end) == colour) ++end;
        histogram.add(colour, end - start);
        if (histogram.size() > max_colours) return false;
        start = end;
    }
    return true;
}

}  // namespace convscope
