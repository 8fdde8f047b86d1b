#include "core/optimizer.hpp"

#include <cmath>
#include <cstdio>

#include "core/check.hpp"

namespace convscope {

namespace {

std::string rate_text(float learning_rate) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", learning_rate);
    return text;
}

class Sgd : public Optimizer {
  public:
    Sgd(float learning_rate, std::size_t count) : rate_(learning_rate), count_(count) {}
    void step(float* parameters, const float* gradients) override {
        for (std::size_t i = 0; i < count_; ++i) parameters[i] -= rate_ * gradients[i];
    }
    std::string description() const override { return "sgd lr=" + rate_text(rate_); }

  private:
    float rate_;
    std::size_t count_;
};

class Momentum : public Optimizer {
  public:
    Momentum(float learning_rate, std::size_t count) : rate_(learning_rate), velocity_(count) {}
    void step(float* parameters, const float* gradients) override {
        for (std::size_t i = 0; i < velocity_.size(); ++i) {
            velocity_[i] = kMomentum * velocity_[i] - rate_ * gradients[i];
            parameters[i] += velocity_[i];
        }
    }
    std::string description() const override {
        return "momentum lr=" + rate_text(rate_) + " momentum=0.9";
    }

  private:
    static constexpr float kMomentum = 0.9f;
    float rate_;
    std::vector<float> velocity_;
};

class Adam : public Optimizer {
  public:
    Adam(float learning_rate, std::size_t count) : rate_(learning_rate), m_(count), v_(count) {}
    void step(float* parameters, const float* gradients) override {
        ++steps_;
        // Bias correction folded into the step size (the paper's section 2 remark).
        const double correction1 = 1.0 - std::pow(double(kBeta1), steps_);
        const double correction2 = 1.0 - std::pow(double(kBeta2), steps_);
        const float step = static_cast<float>(rate_ * std::sqrt(correction2) / correction1);
        const float epsilon = static_cast<float>(kEpsilon * std::sqrt(correction2));
        for (std::size_t i = 0; i < m_.size(); ++i) {
            const float g = gradients[i];
            m_[i] = kBeta1 * m_[i] + (1 - kBeta1) * g;
            v_[i] = kBeta2 * v_[i] + (1 - kBeta2) * g * g;
            parameters[i] -= step * m_[i] / (std::sqrt(v_[i]) + epsilon);
        }
    }
    std::string description() const override { return "adam lr=" + rate_text(rate_); }

  private:
    static constexpr float kBeta1 = 0.9f;
    static constexpr float kBeta2 = 0.999f;
    static constexpr float kEpsilon = 1e-8f;
    float rate_;
    long steps_ = 0;
    std::vector<float> m_;
    std::vector<float> v_;
};

}  // namespace

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
