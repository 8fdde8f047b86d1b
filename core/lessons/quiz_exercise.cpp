// New exercises and the score. A drawn setup is checked by building it: a draw the
// geometry refuses (a kernel larger than the padded input) is drawn again.
#include <algorithm>
#include <cmath>

#include "core/lessons/quiz.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/random.hpp"

namespace convscope {

void QuizScore::record(bool answer_right) {
    ++asked;
    if (!answer_right) {
        streak = 0;
        return;
    }
    ++right;
    ++streak;
    best_streak = std::max(best_streak, streak);
}

bool same_number(float answer, float expected) {
    const float tolerance = 1e-4f * std::max(1.0f, std::fabs(expected));
    return std::fabs(answer - expected) <= tolerance;
}

namespace {

int between(Random& random, int low, int high) {  // inclusive
    return low + static_cast<int>(random.below(static_cast<std::uint32_t>(high - low + 1)));
}

PlaygroundSetup draw(Difficulty difficulty, Random& random) {
    PlaygroundSetup s;
    s.seed = static_cast<std::uint32_t>(random.next_u64());
    s.input_h = s.input_w = between(random, 4, difficulty == Difficulty::Easy ? 6 : 7);
    s.kernel_h = s.kernel_w = between(random, 2, 3);
    int stride = 1, dilation = 1;
    Padding padding = Padding::of(between(random, 0, 1));
    if (difficulty != Difficulty::Easy) {
        stride = between(random, 1, 2);
        const Padding modes[] = {Padding::of(0), Padding::of(1), Padding::parse("same"),
                                 Padding::parse("full")};
        padding = modes[random.below(4)];
        const TracedOp ops[] = {TracedOp::Conv, TracedOp::Conv, TracedOp::MaxPool,
                                TracedOp::AveragePool};
        s.op = ops[random.below(4)];
    }
    if (difficulty == Difficulty::Hard) {
        if (random.below(4) == 0) s.op = TracedOp::TransposedConv;
        if (s.op == TracedOp::Conv) dilation = between(random, 1, 2);
        if (!is_pooling(s.op)) {
            s.channels = between(random, 1, 2);
            s.filters = between(random, 1, 2);
            s.has_bias = true;
        }
    }
    if (is_pooling(s.op)) padding = Padding::of(std::min(padding.amount, s.kernel_h / 2));
    if (s.op == TracedOp::TransposedConv) padding = Padding::of(padding.amount);
    s.options = Options2d::uniform(stride, padding, dilation);
    return s;
}

}  // namespace

PlaygroundSetup random_exercise(Difficulty difficulty, std::uint32_t seed) {
    Random random(seed);
    // Most draws are valid; the bound only keeps a bug from becoming a hang.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        PlaygroundSetup setup = draw(difficulty, random);
        try {
            build_playground(setup);
            return setup;
        } catch (const InputError&) {
            // an invalid draw (padding modes with pooling, a kernel too large): draw again
        }
    }
    CS_CHECK(!"random_exercise: no valid setup in 1000 draws");
    return {};
}

}  // namespace convscope
