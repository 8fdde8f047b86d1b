#include "core/nn/softmax_loss.hpp"

#include <algorithm>
#include <cmath>

#include "core/tensor/check.hpp"

namespace convscope {

template <typename Real>
void SoftmaxWithLoss<Real>::reserve(int max_batch) {
    probabilities_.resize(static_cast<std::size_t>(max_batch) * classes_);
}

template <typename Real>
Real SoftmaxWithLoss<Real>::forward(const Real* logits, const std::uint8_t* labels, int batch) {
    CS_CHECK(probabilities_.size() >= static_cast<std::size_t>(batch) * classes_);
    labels_ = labels;
    Real total = 0;
    for (int n = 0; n < batch; ++n) {
        const Real* row = logits + static_cast<long>(n) * classes_;
        Real* p = probabilities_.data() + static_cast<long>(n) * classes_;
        // Subtracting the largest logit keeps exp() finite; the softmax is unchanged.
        const Real largest = *std::max_element(row, row + classes_);
        Real sum = 0;
        for (int k = 0; k < classes_; ++k) sum += p[k] = std::exp(row[k] - largest);
        for (int k = 0; k < classes_; ++k) p[k] /= sum;
        CS_CHECK(labels[n] < classes_);
        // -log p[label], computed from the logits so a tiny p does not give -log 0.
        total += largest + std::log(sum) - row[labels[n]];
    }
    return batch > 0 ? total / batch : Real(0);
}

template <typename Real>
void SoftmaxWithLoss<Real>::backward(Real* d_logits, int batch, int total_batch) const {
    CS_CHECK(labels_ != nullptr && total_batch >= batch);
    const Real scale = Real(1) / static_cast<Real>(total_batch);
    for (int n = 0; n < batch; ++n)
        for (int k = 0; k < classes_; ++k) {
            const long i = static_cast<long>(n) * classes_ + k;
            d_logits[i] = (probabilities_[i] - (k == labels_[n] ? Real(1) : Real(0))) * scale;
        }
}

template <typename Real>
int SoftmaxWithLoss<Real>::correct_count(int batch) const {
    int correct = 0;
    for (int n = 0; n < batch; ++n) {
        const Real* p = probabilities_.data() + static_cast<long>(n) * classes_;
        correct += (std::max_element(p, p + classes_) - p) == labels_[n];
    }
    return correct;
}

template class SoftmaxWithLoss<float>;
template class SoftmaxWithLoss<double>;

}  // namespace convscope
