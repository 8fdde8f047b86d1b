// A dense float tensor of rank 1 to 4, row-major (the last axis is contiguous).
// Operations use rank 4 in PyTorch's NCHW order; lower ranks come from user input
// (a (H,W) grid, a (C,H,W) volume) and are lifted with as_rank4().
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace convscope {

class Tensor {
  public:
    Tensor() = default;
    explicit Tensor(std::vector<int> shape, float fill = 0.0f);
    Tensor(std::vector<int> shape, std::vector<float> values);

    const std::vector<int>& shape() const { return shape_; }
    int rank() const { return static_cast<int>(shape_.size()); }
    int dim(int axis) const;
    std::size_t size() const { return values_.size(); }

    float* data() { return values_.data(); }
    const float* data() const { return values_.data(); }
    const std::vector<float>& values() const { return values_; }

    // Element of a rank-4 tensor (n, c, y, x).
    float& at(int n, int c, int y, int x) { return values_[offset4(n, c, y, x)]; }
    float at(int n, int c, int y, int x) const { return values_[offset4(n, c, y, x)]; }

    // The same values under another shape with the same element count.
    Tensor reshaped(std::vector<int> shape) const;
    // Leading axes of size 1 added until the rank is 4: (H,W) -> (1,1,H,W).
    Tensor as_rank4() const;

  private:
    std::size_t offset4(int n, int c, int y, int x) const;

    std::vector<int> shape_;
    std::vector<float> values_;
};

// "(1, 3, 5, 5)"
std::string shape_text(const std::vector<int>& shape);

}  // namespace convscope
