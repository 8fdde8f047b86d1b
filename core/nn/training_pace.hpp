// How fast the training thread takes batches (issue 16 section 3): at full speed, at a
// chosen number of batches a second so a class can follow the filters forming, or one
// batch per request (a key press). The decision is a pure function so it is tested
// without clocks; the training thread asks it between batches.
#pragma once

#include <vector>

namespace convscope {

enum class PaceMode {
    Full,     // one batch after another
    Rate,     // `batches_per_second`
    OneStep,  // only when asked for one batch (TrainingSession::step())
};

struct TrainingPace {
    PaceMode mode = PaceMode::Full;
    double batches_per_second = 2;  // used in Rate mode; above 0

    bool operator==(const TrainingPace& o) const {
        return mode == o.mode && batches_per_second == o.batches_per_second;
    }
    bool operator!=(const TrainingPace& o) const { return !(*this == o); }
};

// The rates the training panel offers.
const std::vector<double>& pace_rate_choices();

// Whether a running session takes its next batch now, `seconds_since_last_batch` after
// the last one began (negative: no batch yet). OneStep never runs by itself.
bool batch_due(const TrainingPace& pace, double seconds_since_last_batch);

// How long to wait before the next batch is due: 0 when due now; for OneStep a negative
// value (wait for a request, not for time).
double seconds_until_batch(const TrainingPace& pace, double seconds_since_last_batch);

// InputError naming the rate and its bounds (0.1 to 1000 batches a second).
void validate_pace(const TrainingPace& pace);

}  // namespace convscope
