// One step of each optimizer against the formula worked by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "core/nn/optimizer.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

TEST_CASE("sgd steps against the gradient") {
    float parameters[] = {1.0f, -2.0f};
    const float gradients[] = {0.5f, -1.0f};
    make_optimizer(OptimizerKind::Sgd, 0.1f, 2)->step(parameters, gradients);
    CHECK(parameters[0] == doctest::Approx(0.95));
    CHECK(parameters[1] == doctest::Approx(-1.9));
}

TEST_CASE("momentum keeps 0.9 of the last velocity") {
    float parameter[] = {0.0f};
    const float gradient[] = {1.0f};
    auto optimizer = make_optimizer(OptimizerKind::Momentum, 0.1f, 1);
    optimizer->step(parameter, gradient);  // v = -0.1
    optimizer->step(parameter, gradient);  // v = -0.09 - 0.1 = -0.19
    CHECK(parameter[0] == doctest::Approx(-0.29));
}

TEST_CASE("adam's bias-corrected steps are about lr times the gradient's sign") {
    float parameters[] = {0.0f, 0.0f};
    const float gradients[] = {3.0f, -0.001f};
    auto optimizer = make_optimizer(OptimizerKind::Adam, 0.01f, 2);
    optimizer->step(parameters, gradients);
    CHECK(parameters[0] == doctest::Approx(-0.01).epsilon(1e-4));
    CHECK(parameters[1] == doctest::Approx(0.01).epsilon(1e-4));
    // Second step with the same gradient: m_hat = g, v_hat = g^2 again.
    optimizer->step(parameters, gradients);
    CHECK(parameters[0] == doctest::Approx(-0.02).epsilon(1e-4));
}

TEST_CASE("optimizer names and learning rates are checked") {
    CHECK(parse_optimizer_kind("momentum") == OptimizerKind::Momentum);
    CHECK_THROWS_AS(parse_optimizer_kind("rmsprop"), InputError);
    CHECK_THROWS_AS(make_optimizer(OptimizerKind::Adam, 0.0f, 1), InputError);
    CHECK_THROWS_AS(make_optimizer(OptimizerKind::Sgd, NAN, 1), InputError);
}
