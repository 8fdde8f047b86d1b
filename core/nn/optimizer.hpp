// Parameter updates over the network's one parameter buffer: SGD, Momentum, Adam.
// Each optimizer keeps its state (velocities, moments) in buffers of the same length,
// sized at construction, so a step allocates nothing.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace convscope {

enum class OptimizerKind { Sgd, Momentum, Adam };

// What a training checkpoint keeps of an optimizer, so a resumed run steps exactly as
// an uninterrupted one: Adam's step count (its bias correction) and the per-parameter
// buffers (Momentum's velocities; Adam's first and second moments), each count() long.
struct OptimizerState {
    long steps = 0;
    std::vector<std::vector<float>> buffers;
};

class Optimizer {
  public:
    Optimizer(float learning_rate, std::size_t count) : rate_(learning_rate), count_(count) {}
    virtual ~Optimizer() = default;

    // parameters -= update(gradients); both `count` long (the count given at construction).
    void step(float* parameters, const float* gradients);

    // The same step split for threads: begin_step() once, then update() over disjoint
    // ranges [begin, end) that cover the buffer, possibly on several threads at once.
    // Every parameter's update is its own, so the split does not change the result.
    virtual void begin_step() {}
    virtual void update(float* parameters, const float* gradients, std::size_t begin,
                        std::size_t end) = 0;

    std::size_t count() const { return count_; }
    float learning_rate() const { return rate_; }
    // Schedules lower the rate between steps; the state (velocities, moments) stays.
    void set_learning_rate(float rate) { rate_ = rate; }
    virtual std::string description() const = 0;  // "adam lr=0.001"

    virtual OptimizerState state() const { return {}; }
    // `state` must come from state() of an optimizer of the same kind and count.
    virtual void restore(const OptimizerState& state);

  protected:
    float rate_;
    std::size_t count_;
};

// "sgd", "momentum", "adam"; InputError otherwise.
OptimizerKind parse_optimizer_kind(const std::string& name);
const char* optimizer_name(OptimizerKind kind);
// The learning rate each optimizer trains the presets well with.
float default_learning_rate(OptimizerKind kind);

// SGD: p -= lr * g. Momentum: v = 0.9 v - lr * g; p += v. Adam: Kingma & Ba with
// beta1 0.9, beta2 0.999, epsilon 1e-8 and bias correction.
std::unique_ptr<Optimizer> make_optimizer(OptimizerKind kind, float learning_rate,
                                          std::size_t count);

}  // namespace convscope
