#include "core/lessons/figure_parts.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

Tensor plane(const Tensor& tensor, int n, int c) {
    CS_CHECK(tensor.rank() == 4);
    CS_CHECK(n >= 0 && n < tensor.dim(0) && c >= 0 && c < tensor.dim(1));
    Tensor out({1, 1, tensor.dim(2), tensor.dim(3)});
    for (int y = 0; y < tensor.dim(2); ++y)
        for (int x = 0; x < tensor.dim(3); ++x) out.at(0, 0, y, x) = tensor.at(n, c, y, x);
    return out;
}

}  // namespace convscope
