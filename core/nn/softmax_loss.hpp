// Softmax followed by cross-entropy against integer labels, the network's last step.
// Kept apart from Layer: it takes labels and ends the forward pass with a number.
#pragma once

#include <cstdint>
#include <vector>

namespace convscope {

template <typename Real>
class SoftmaxWithLoss {
  public:
    explicit SoftmaxWithLoss(int classes) : classes_(classes) {}
    int classes() const { return classes_; }

    void reserve(int max_batch);
    // logits (B, K), labels (B) -> mean over the batch of -log softmax(logits)[label].
    // Keeps the probabilities and labels for backward.
    Real forward(const Real* logits, const std::uint8_t* labels, int batch);
    // -> d_logits (B, K) = (softmax - one_hot(label)) / total_batch: the gradient of the
    // mean loss over total_batch images, of which this batch is a slice (or all).
    void backward(Real* d_logits, int batch, int total_batch) const;
    // How many of the last forward's images have their label as the largest logit.
    int correct_count(int batch) const;

    const Real* probabilities() const { return probabilities_.data(); }  // (B, K)

  private:
    int classes_;
    std::vector<Real> probabilities_;
    const std::uint8_t* labels_ = nullptr;
};

}  // namespace convscope
