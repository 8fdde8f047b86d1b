// Snapshots along a training run for replaying how the filters formed (issue 16
// section 3): the first layers' filters and the probe image's activations at chosen
// batches, dense early (1, 2, 3, 4, 6, 8, 12, 16, ...) and every `interval` batches
// later, at most `capacity` of them: when full, the interval doubles and the snapshots
// off the new grid are dropped, so memory stays bounded however long the run.
#pragma once

#include <memory>
#include <vector>

#include "core/nn/conv_filters.hpp"
#include "core/nn/network_probe.hpp"

namespace convscope {

struct TimelineEntry {
    long batch = 0;  // total batches trained when taken; 0: the initial weights
    float loss = 0;  // that batch's loss (0 for batch 0)
    std::vector<ConvFilters> conv_layers;  // without gradients
    NetworkActivations probe;
};

// Whether batch `batch` (counted from 1; 0: the initial weights, always kept) is kept when later
// batches are kept every `interval` (a power of two): batches up to the interval when they are 2^k
// or 3 * 2^k, then the multiples of the interval.
bool timeline_keeps(long batch, long interval);

class TrainingTimeline {
  public:
    // capacity >= 16; interval: a power of two >= 2.
    explicit TrainingTimeline(int capacity = 40, long interval = 32);

    // Whether `batch` would be kept (take the snapshot only then: it costs a probe run).
    bool wants(long batch) const;
    // Keeps `entry` when wants(entry.batch); then thins to the capacity.
    void add(TimelineEntry entry);
    void clear();

    int capacity() const { return capacity_; }
    long interval() const { return interval_; }
    // In batch order; shared, so a published snapshot copies only pointers.
    const std::vector<std::shared_ptr<const TimelineEntry>>& entries() const { return entries_; }

  private:
    int capacity_;
    long first_interval_;
    long interval_;
    std::vector<std::shared_ptr<const TimelineEntry>> entries_;
};

// The index of the entry to show at batch `batch` while scrubbing: the last one taken at
// or before it (the first when `batch` comes before all); -1 when there are none.
int timeline_entry_at(const std::vector<std::shared_ptr<const TimelineEntry>>& entries, long batch);

}  // namespace convscope
