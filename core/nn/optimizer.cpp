#include "core/nn/optimizer.hpp"

#include <cmath>
#include <cstdio>

#include "core/tensor/check.hpp"

#ifdef __SSE2__
#include <immintrin.h>
#endif

namespace convscope {

namespace {

std::string rate_text(float learning_rate) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", learning_rate);
    return text;
}

class Sgd : public Optimizer {
  public:
    using Optimizer::Optimizer;
    void update(float* parameters, const float* gradients, std::size_t begin,
                std::size_t end) override {
        for (std::size_t i = begin; i < end; ++i) parameters[i] -= rate_ * gradients[i];
    }
    std::string description() const override { return "sgd lr=" + rate_text(rate_); }
};

class Momentum : public Optimizer {
  public:
    Momentum(float learning_rate, std::size_t count)
        : Optimizer(learning_rate, count), velocity_(count) {}
    void update(float* parameters, const float* gradients, std::size_t begin,
                std::size_t end) override {
        for (std::size_t i = begin; i < end; ++i) {
            velocity_[i] = kMomentum * velocity_[i] - rate_ * gradients[i];
            parameters[i] += velocity_[i];
        }
    }
    std::string description() const override {
        return "momentum lr=" + rate_text(rate_) + " momentum=0.9";
    }
    OptimizerState state() const override { return {0, {velocity_}}; }
    void restore(const OptimizerState& state) override {
        CS_CHECK(state.buffers.size() == 1 && state.buffers[0].size() == count_);
        velocity_ = state.buffers[0];
    }

  private:
    static constexpr float kMomentum = 0.9f;
    std::vector<float> velocity_;
};

class Adam : public Optimizer {
  public:
    Adam(float learning_rate, std::size_t count)
        : Optimizer(learning_rate, count), m_(count), v_(count) {}
    void begin_step() override {
        ++steps_;
        // Bias correction folded into the step size (the paper's section 2 remark).
        const double correction1 = 1.0 - std::pow(double(kBeta1), steps_);
        const double correction2 = 1.0 - std::pow(double(kBeta2), steps_);
        step_ = static_cast<float>(rate_ * std::sqrt(correction2) / correction1);
        epsilon_ = static_cast<float>(kEpsilon * std::sqrt(correction2));
    }
    void update(float* parameters, const float* gradients, std::size_t begin,
                std::size_t end) override {
        const float step = step_, epsilon = epsilon_;
        float* m = m_.data();
        float* v = v_.data();
        std::size_t i = begin;
#ifdef __SSE2__
        // Four at a time: the compiler keeps the scalar loop scalar, since std::sqrt
        // may set errno. Same operations in the same order, so the same bits.
        const __m128 beta1 = _mm_set1_ps(kBeta1), beta2 = _mm_set1_ps(kBeta2);
        const __m128 rest1 = _mm_set1_ps(1 - kBeta1), rest2 = _mm_set1_ps(1 - kBeta2);
        const __m128 step4 = _mm_set1_ps(step), epsilon4 = _mm_set1_ps(epsilon);
        for (; i + 4 <= end; i += 4) {
            const __m128 g = _mm_loadu_ps(gradients + i);
            const __m128 mi =
                _mm_add_ps(_mm_mul_ps(beta1, _mm_loadu_ps(m + i)), _mm_mul_ps(rest1, g));
            const __m128 vi = _mm_add_ps(_mm_mul_ps(beta2, _mm_loadu_ps(v + i)),
                                         _mm_mul_ps(_mm_mul_ps(rest2, g), g));
            _mm_storeu_ps(m + i, mi);
            _mm_storeu_ps(v + i, vi);
            const __m128 change =
                _mm_div_ps(_mm_mul_ps(step4, mi), _mm_add_ps(_mm_sqrt_ps(vi), epsilon4));
            _mm_storeu_ps(parameters + i, _mm_sub_ps(_mm_loadu_ps(parameters + i), change));
        }
#endif
        for (; i < end; ++i) {
            const float g = gradients[i];
            m[i] = kBeta1 * m[i] + (1 - kBeta1) * g;
            v[i] = kBeta2 * v[i] + (1 - kBeta2) * g * g;
            parameters[i] -= step * m[i] / (std::sqrt(v[i]) + epsilon);
        }
    }
    std::string description() const override {
        return "adam lr=" + rate_text(rate_);
    }
    OptimizerState state() const override {
        return {steps_, {m_, v_}};
    }
    void restore(const OptimizerState& state) override {
        CS_CHECK(state.buffers.size() == 2 && state.buffers[0].size() == count_ &&
                 state.buffers[1].size() == count_ && state.steps >= 0);
        steps_ = state.steps;
        m_ = state.buffers[0];
        v_ = state.buffers[1];
    }

  private:
    static constexpr float kBeta1 = 0.9f;
    static constexpr float kBeta2 = 0.999f;
    static constexpr float kEpsilon = 1e-8f;
    long steps_ = 0;
    float step_ = 0;  // this step's bias-corrected rate and epsilon, set by begin_step()
    float epsilon_ = 0;
    std::vector<float> m_;
    std::vector<float> v_;
};

}  // namespace

void Optimizer::restore(const OptimizerState& state) {
    CS_CHECK(state.buffers.empty());  // SGD keeps nothing between steps
}

void Optimizer::step(float* parameters, const float* gradients) {
    begin_step();
    update(parameters, gradients, 0, count_);
}

OptimizerKind parse_optimizer_kind(const std::string& name) {
    if (name == "sgd") return OptimizerKind::Sgd;
    if (name == "momentum") return OptimizerKind::Momentum;
    if (name == "adam") return OptimizerKind::Adam;
    throw InputError("unknown optimizer '" + name + "': choose adam, sgd or momentum");
}

const char* optimizer_name(OptimizerKind kind) {
    switch (kind) {
        case OptimizerKind::Sgd:
            return "sgd";
        case OptimizerKind::Momentum:
            return "momentum";
        case OptimizerKind::Adam:
            return "adam";
    }
    return "?";
}

float default_learning_rate(OptimizerKind kind) {
    switch (kind) {
        case OptimizerKind::Sgd:
            return 0.1f;
        case OptimizerKind::Momentum:
            return 0.01f;
        case OptimizerKind::Adam:
            return 0.001f;
    }
    return 0.01f;
}

std::unique_ptr<Optimizer> make_optimizer(OptimizerKind kind, float learning_rate,
                                          std::size_t count) {
    if (!(learning_rate > 0 && std::isfinite(learning_rate))) {
        throw InputError("learning rate must be a positive number, got " +
                         rate_text(learning_rate));
    }
    switch (kind) {
        case OptimizerKind::Sgd:
            return std::make_unique<Sgd>(learning_rate, count);
        case OptimizerKind::Momentum:
            return std::make_unique<Momentum>(learning_rate, count);
        case OptimizerKind::Adam:
            return std::make_unique<Adam>(learning_rate, count);
    }
    CS_CHECK(false);
    return nullptr;
}

}  // namespace convscope
