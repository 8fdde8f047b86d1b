#include "core/nn/lr_schedule.hpp"

#include <cmath>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

LrDecay parse_lr_decay(const std::string& name) {
    if (name == "none") return LrDecay::None;
    if (name == "step") return LrDecay::Step;
    if (name == "cosine") return LrDecay::Cosine;
    throw InputError("unknown learning-rate decay '" + name + "': choose cosine, step or none");
}

const char* lr_decay_name(LrDecay decay) {
    switch (decay) {
        case LrDecay::None:
            return "none";
        case LrDecay::Step:
            return "step";
        case LrDecay::Cosine:
            return "cosine";
    }
    return "?";
}

float scheduled_learning_rate(LrDecay decay, float base, long step, long steps) {
    CS_CHECK(steps >= 1 && step >= 0);
    // Past the planned end (a caller training on) the rate stays where the schedule ends.
    const double progress = step >= steps ? 1.0 : static_cast<double>(step) / steps;
    switch (decay) {
        case LrDecay::None:
            return base;
        case LrDecay::Step:
            return base * (progress < 0.5 ? 1.0f : progress < 0.75 ? 0.1f : 0.01f);
        case LrDecay::Cosine:
            return static_cast<float>(base * 0.5 * (1.0 + std::cos(kPi * progress)));
    }
    return base;
}

}  // namespace convscope
