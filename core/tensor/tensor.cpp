#include "core/tensor/tensor.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

std::size_t element_count(const std::vector<int>& shape) {
    std::size_t count = 1;
    for (int extent : shape) {
        CS_CHECK(extent >= 0);
        count *= static_cast<std::size_t>(extent);
    }
    return count;
}

}  // namespace

Tensor::Tensor(std::vector<int> shape, float fill)
    : shape_(std::move(shape)), values_(element_count(shape_), fill) {
    CS_CHECK(rank() >= 1 && rank() <= 4);
}

Tensor::Tensor(std::vector<int> shape, std::vector<float> values)
    : shape_(std::move(shape)), values_(std::move(values)) {
    CS_CHECK(rank() >= 1 && rank() <= 4);
    CS_CHECK(values_.size() == element_count(shape_));
}

int Tensor::dim(int axis) const {
    CS_CHECK(axis >= 0 && axis < rank());
    return shape_[axis];
}

Tensor Tensor::reshaped(std::vector<int> shape) const {
    return Tensor(std::move(shape), values_);
}

Tensor Tensor::as_rank4() const {
    std::vector<int> shape = shape_;
    while (shape.size() < 4) shape.insert(shape.begin(), 1);
    return Tensor(std::move(shape), values_);
}

std::size_t Tensor::offset4(int n, int c, int y, int x) const {
    CS_CHECK(rank() == 4);
    CS_CHECK(n >= 0 && n < shape_[0] && c >= 0 && c < shape_[1]);
    CS_CHECK(y >= 0 && y < shape_[2] && x >= 0 && x < shape_[3]);
    return ((static_cast<std::size_t>(n) * shape_[1] + c) * shape_[2] + y) * shape_[3] + x;
}

std::string shape_text(const std::vector<int>& shape) {
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i) text += ", ";
        text += std::to_string(shape[i]);
    }
    return text + ")";
}

}  // namespace convscope
