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

class Optimizer {
  public:
    virtual ~Optimizer() = default;
    // parameters -= update(gradients); both `count` long (the count given at construction).
    virtual void step(float* parameters, const float* gradients) = 0;
    virtual std::string description() const = 0;  // "adam lr=0.001"
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
