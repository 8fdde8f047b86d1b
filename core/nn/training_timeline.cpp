#include "core/nn/training_timeline.hpp"

#include <algorithm>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

bool power_of_two(long value) {
    return value > 0 && (value & (value - 1)) == 0;
}

}  // namespace

bool timeline_keeps(long batch, long interval) {
    if (batch < 0) return false;
    if (batch == 0) return true;  // the initial weights
    if (batch > interval) return batch % interval == 0;
    return power_of_two(batch) || (batch % 3 == 0 && power_of_two(batch / 3));
}

TrainingTimeline::TrainingTimeline(int capacity, long interval)
    : capacity_(capacity), first_interval_(interval), interval_(interval) {
    CS_CHECK(capacity >= 16 && interval >= 2 && power_of_two(interval));
}

bool TrainingTimeline::wants(long batch) const {
    if (!timeline_keeps(batch, interval_)) return false;
    return entries_.empty() || entries_.back()->batch < batch;
}

void TrainingTimeline::add(TimelineEntry entry) {
    if (!wants(entry.batch)) return;
    entries_.push_back(std::make_shared<const TimelineEntry>(std::move(entry)));
    while (static_cast<int>(entries_.size()) > capacity_) {
        if (interval_ > entries_.back()->batch) {
            // Only early entries left (a run of millions of batches): drop the second.
            entries_.erase(entries_.begin() + 1);
            continue;
        }
        // The early entries (two per doubling) stay; the later ones halve.
        interval_ *= 2;
        const long interval = interval_;
        entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                      [interval](const std::shared_ptr<const TimelineEntry>& e) {
                                          return !timeline_keeps(e->batch, interval);
                                      }),
                       entries_.end());
    }
}

void TrainingTimeline::clear() {
    entries_.clear();
    interval_ = first_interval_;
}

int timeline_entry_at(const std::vector<std::shared_ptr<const TimelineEntry>>& entries,
                      long batch) {
    if (entries.empty()) return -1;
    const auto after = std::upper_bound(
        entries.begin(), entries.end(), batch,
        [](long value, const std::shared_ptr<const TimelineEntry>& e) { return value < e->batch; });
    if (after == entries.begin()) return 0;
    return static_cast<int>(after - entries.begin()) - 1;
}

}  // namespace convscope
