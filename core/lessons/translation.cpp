#include "core/lessons/translation.hpp"

#include "core/ops/reference_ops.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

Tensor shift_tensor(const Tensor& tensor, int dy, int dx) {
    CS_CHECK(tensor.rank() == 4);
    Tensor out(tensor.shape());
    const int height = tensor.dim(2), width = tensor.dim(3);
    for (int n = 0; n < tensor.dim(0); ++n)
        for (int c = 0; c < tensor.dim(1); ++c)
            for (int y = 0; y < height; ++y)
                for (int x = 0; x < width; ++x) {
                    const int from_y = y - dy, from_x = x - dx;
                    if (from_y >= 0 && from_y < height && from_x >= 0 && from_x < width) {
                        out.at(n, c, y, x) = tensor.at(n, c, from_y, from_x);
                    }
                }
    return out;
}

EquivarianceCheck check_equivariance(const Tensor& input, const Tensor& weight,
                                     const Options2d& options, int dy, int dx) {
    if (options.h.stride != 1 || options.w.stride != 1) {
        throw InputError(Message("equivariance to one-cell shifts needs stride 1"));
    }
    EquivarianceCheck check;
    check.conv_of_shift = conv2d(shift_tensor(input, dy, dx), weight, {}, options);
    check.shift_of_conv = shift_tensor(conv2d(input, weight, {}, options), dy, dx);
    check.difference = Tensor(check.conv_of_shift.shape());
    for (std::size_t i = 0; i < check.difference.size(); ++i) {
        check.difference.data()[i] = check.conv_of_shift.data()[i] - check.shift_of_conv.data()[i];
    }
    return check;
}

std::vector<bool> max_pool_unchanged_after_shift(const Tensor& input, int window_h, int window_w,
                                                 const Options2d& options, int dy, int dx) {
    const Tensor before = max_pool2d(input, window_h, window_w, options);
    const Tensor after = max_pool2d(shift_tensor(input, dy, dx), window_h, window_w, options);
    std::vector<bool> unchanged(before.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        unchanged[i] = before.data()[i] == after.data()[i];
    return unchanged;
}

}  // namespace convscope
