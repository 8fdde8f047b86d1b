// Training slow enough to follow (issue 16 section 3): the pacing decision, which
// batches the replay timeline keeps, its bound, and which snapshot a scrub shows.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/nn/training_pace.hpp"
#include "core/nn/training_timeline.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

TEST_CASE("full speed always runs the next batch") {
    const TrainingPace full{PaceMode::Full, 2};
    for (double since : {-1.0, 0.0, 1e-6, 0.3, 100.0}) CHECK(batch_due(full, since));
}

TEST_CASE("a rate runs a batch once 1/rate seconds have passed since the last") {
    const TrainingPace pace{PaceMode::Rate, 4};  // every 0.25 s
    CHECK(batch_due(pace, -1));                  // the first batch at once
    CHECK_FALSE(batch_due(pace, 0.0));
    CHECK_FALSE(batch_due(pace, 0.2));
    CHECK(batch_due(pace, 0.25));
    CHECK(batch_due(pace, 3.0));
    CHECK(seconds_until_batch(pace, 0.1) == doctest::Approx(0.15));
    const TrainingPace slow{PaceMode::Rate, 0.5};
    CHECK_FALSE(batch_due(slow, 1.9));
    CHECK(batch_due(slow, 2.0));
}

TEST_CASE("one batch per request never runs by itself") {
    const TrainingPace step{PaceMode::OneStep, 2};
    for (double since : {-1.0, 0.0, 0.5, 1e9}) {
        CHECK_FALSE(batch_due(step, since));
        CHECK(seconds_until_batch(step, since) < 0);  // wait for a request, not a time
    }
}

TEST_CASE("the offered rates are valid, out-of-range rates are refused") {
    for (double rate : pace_rate_choices()) CHECK_NOTHROW(validate_pace({PaceMode::Rate, rate}));
    for (double rate :
         {0.0, -1.0, 0.01, 5000.0, std::numeric_limits<double>::infinity(), std::nan("")}) {
        CHECK_THROWS_AS(validate_pace({PaceMode::Rate, rate}), InputError);
    }
}

TEST_CASE("the timeline keeps dense early batches, then every interval") {
    std::vector<long> kept;
    for (long batch = -2; batch <= 200; ++batch)
        if (timeline_keeps(batch, 32)) kept.push_back(batch);
    const std::vector<long> expected = {0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64, 96, 128, 160, 192};
    CHECK(kept == expected);
}

TEST_CASE("the timeline stays within its capacity however long the run") {
    TrainingTimeline timeline(40, 8);
    long taken = 0;
    for (long batch = 0; batch <= 200000; ++batch) {
        if (!timeline.wants(batch)) continue;
        TimelineEntry entry;
        entry.batch = batch;
        entry.loss = 1.0f / (batch + 1);
        timeline.add(entry);
        ++taken;
        REQUIRE(static_cast<int>(timeline.entries().size()) <= timeline.capacity());
    }
    const auto& entries = timeline.entries();
    CHECK(taken > timeline.capacity());  // thinning happened
    CHECK(entries.front()->batch == 0);  // the initial weights stay
    CHECK(entries[1]->batch == 1);
    for (std::size_t i = 1; i < entries.size(); ++i)
        CHECK(entries[i - 1]->batch < entries[i]->batch);
    // Every kept batch is on the current grid, and the latest is recent.
    for (const auto& entry : entries) CHECK(timeline_keeps(entry->batch, timeline.interval()));
    CHECK(entries.back()->batch > 200000 - timeline.interval());
    CHECK(timeline.interval() > 8);
    timeline.clear();
    CHECK(timeline.entries().empty());
    CHECK(timeline.interval() == 8);
}

TEST_CASE("a small timeline over a very long run still keeps its bound and batch 0") {
    TrainingTimeline timeline(16, 2);
    for (long batch = 0; batch <= 1000000; ++batch) {
        if (!timeline.wants(batch)) continue;
        TimelineEntry entry;
        entry.batch = batch;
        timeline.add(entry);
        REQUIRE(static_cast<int>(timeline.entries().size()) <= 16);
    }
    CHECK(timeline.entries().front()->batch == 0);
    CHECK(timeline.entries().back()->batch > 1000000 - timeline.interval());
}

TEST_CASE("a batch off the grid or not after the last is not kept") {
    TrainingTimeline timeline(16, 4);
    TimelineEntry entry;
    entry.batch = 5;  // not 2^k, 3*2^k nor a multiple of 4
    timeline.add(entry);
    CHECK(timeline.entries().empty());
    entry.batch = 8;
    timeline.add(entry);
    entry.batch = 4;  // before the last
    timeline.add(entry);
    REQUIRE(timeline.entries().size() == 1);
    CHECK(timeline.entries()[0]->batch == 8);
}

TEST_CASE("scrubbing shows the last snapshot taken at or before the batch") {
    std::vector<std::shared_ptr<const TimelineEntry>> entries;
    CHECK(timeline_entry_at(entries, 5) == -1);
    for (long batch : {0, 1, 2, 4, 8, 40}) {
        TimelineEntry entry;
        entry.batch = batch;
        entries.push_back(std::make_shared<const TimelineEntry>(entry));
    }
    CHECK(timeline_entry_at(entries, -3) == 0);
    CHECK(timeline_entry_at(entries, 0) == 0);
    CHECK(timeline_entry_at(entries, 3) == 2);
    CHECK(timeline_entry_at(entries, 4) == 3);
    CHECK(timeline_entry_at(entries, 39) == 4);
    CHECK(timeline_entry_at(entries, 40) == 5);
    CHECK(timeline_entry_at(entries, 1000) == 5);
}
