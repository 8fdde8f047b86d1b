// Learning-rate schedules: the rate for each step of a run of known length. Adam at a
// constant 0.001 stalls near 98.8% on MNIST; letting the rate fall over the run lets the
// last epochs settle into the minimum instead of circling it.
#pragma once

#include <string>

namespace convscope {

enum class LrDecay {
    None,    // the base rate throughout
    Step,    // the base rate, a tenth of it from half way, a hundredth from three quarters
    Cosine,  // base * (1 + cos(pi * step / steps)) / 2: from the base rate down to 0
};

// "none", "step", "cosine"; InputError otherwise.
LrDecay parse_lr_decay(const std::string& name);
const char* lr_decay_name(LrDecay decay);

// The rate for step `step` (counted from 0) of a run of `steps` steps.
float scheduled_learning_rate(LrDecay decay, float base, long step, long steps);

}  // namespace convscope
