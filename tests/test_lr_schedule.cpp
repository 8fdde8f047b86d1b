// The learning-rate schedules at the points that define them.
#include <doctest/doctest.h>

#include "core/nn/lr_schedule.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

TEST_CASE("cosine decay runs from the base rate through half to near zero") {
    CHECK(scheduled_learning_rate(LrDecay::Cosine, 0.002f, 0, 100) == doctest::Approx(0.002));
    CHECK(scheduled_learning_rate(LrDecay::Cosine, 0.002f, 50, 100) == doctest::Approx(0.001));
    const float last = scheduled_learning_rate(LrDecay::Cosine, 0.002f, 99, 100);
    CHECK(last > 0.0f);
    CHECK(last < 0.002f * 0.001f);
    // Past the planned end the rate stays at the schedule's end.
    CHECK(scheduled_learning_rate(LrDecay::Cosine, 0.002f, 250, 100) == doctest::Approx(0.0));
}

TEST_CASE("step decay divides by ten at half and three quarters") {
    CHECK(scheduled_learning_rate(LrDecay::Step, 1.0f, 49, 100) == 1.0f);
    CHECK(scheduled_learning_rate(LrDecay::Step, 1.0f, 50, 100) == doctest::Approx(0.1));
    CHECK(scheduled_learning_rate(LrDecay::Step, 1.0f, 74, 100) == doctest::Approx(0.1));
    CHECK(scheduled_learning_rate(LrDecay::Step, 1.0f, 75, 100) == doctest::Approx(0.01));
}

TEST_CASE("no decay keeps the base rate and names are checked") {
    CHECK(scheduled_learning_rate(LrDecay::None, 0.5f, 99, 100) == 0.5f);
    CHECK(parse_lr_decay("cosine") == LrDecay::Cosine);
    CHECK(parse_lr_decay("step") == LrDecay::Step);
    CHECK(parse_lr_decay("none") == LrDecay::None);
    CHECK(std::string(lr_decay_name(LrDecay::Cosine)) == "cosine");
    CHECK_THROWS_AS(parse_lr_decay("linear"), InputError);
}
