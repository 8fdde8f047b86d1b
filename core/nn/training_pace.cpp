#include "core/nn/training_pace.hpp"

#include <cmath>

#include "core/tensor/check.hpp"

namespace convscope {

const std::vector<double>& pace_rate_choices() {
    static const std::vector<double> rates = {0.5, 1, 2, 5, 10, 30};
    return rates;
}

double seconds_until_batch(const TrainingPace& pace, double seconds_since_last_batch) {
    switch (pace.mode) {
        case PaceMode::Full:
            return 0;
        case PaceMode::OneStep:
            return -1;
        case PaceMode::Rate:
            break;
    }
    if (seconds_since_last_batch < 0) return 0;  // the first batch goes at once
    const double interval = 1.0 / pace.batches_per_second;
    return seconds_since_last_batch >= interval ? 0 : interval - seconds_since_last_batch;
}

bool batch_due(const TrainingPace& pace, double seconds_since_last_batch) {
    return seconds_until_batch(pace, seconds_since_last_batch) == 0;
}

void validate_pace(const TrainingPace& pace) {
    const double rate = pace.batches_per_second;
    if (!std::isfinite(rate) || rate < 0.1 || rate > 1000) {
        throw InputError(
            Message("the training speed must be between {low} and {high} batches a second, "
                    "got {value}",
                    {{"low", "0.1"}, {"high", "1000"}, {"value", std::to_string(rate)}}));
    }
}

}  // namespace convscope
