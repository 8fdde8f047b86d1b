#include "core/nn/pool_layer.hpp"

#include <algorithm>
#include <limits>
#include <type_traits>

#ifdef __SSE2__
#include <immintrin.h>
#endif

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

ConvGeometry pool_geometry(Shape input, PoolKind kind, int window_h, int window_w,
                           const Options2d& options) {
    if (kind == PoolKind::Average && (options.h.dilation != 1 || options.w.dilation != 1)) {
        throw InputError("average pooling has no dilation: d must be 1");
    }
    return resolve_geometry(OpKind::Pool, input.height, input.width, window_h, window_w, options);
}

Shape pool_output(Shape input, PoolKind kind, int window_h, int window_w,
                  const Options2d& options) {
    const ConvGeometry g = pool_geometry(input, kind, window_h, window_w, options);
    return {input.channels, g.h.output, g.w.output};
}

}  // namespace

template <typename Real>
PoolingLayer<Real>::PoolingLayer(Shape input, PoolKind kind, int window_h, int window_w,
                                 const Options2d& options)
    : Layer<Real>(input, pool_output(input, kind, window_h, window_w, options)),
      kind_(kind),
      geometry_(pool_geometry(input, kind, window_h, window_w, options)) {}

template <typename Real>
void PoolingLayer<Real>::reserve(int max_batch) {
    if (kind_ == PoolKind::Max) {
        argmax_.resize(static_cast<std::size_t>(max_batch) * this->output_shape().size());
    }
}

namespace {

// Max pooling with a 2x2 window, stride 2, no padding or dilation (the presets'):
// the same result as the general loop, without its bounds tests.
// One output cell of the 2x2 pool: row-major order and strict > keep the first
// maximum, as the reference; selects instead of branches, since which cell wins is
// unpredictable.
template <typename Real>
void max_pool_cell(const Real* in, int in_width, int top, Real* out, int* winner) {
    int best = top;
    Real value = in[top];
    for (const int cell : {top + 1, top + in_width, top + in_width + 1}) {
        const bool larger = in[cell] > value;
        value = larger ? in[cell] : value;
        best = larger ? cell : best;
    }
    *out = value;
    *winner = best;
}

#ifdef __SSE2__
// Four output cells at once: the same comparisons in the same order on the even and
// odd columns of the two input rows, so the same values and winners.
void max_pool_4_cells(const float* in, int in_width, int top, float* out, int* winners) {
    const float* row0 = in + top;
    const float* row1 = row0 + in_width;
    const __m128 row0_low = _mm_loadu_ps(row0), row0_high = _mm_loadu_ps(row0 + 4);
    const __m128 row1_low = _mm_loadu_ps(row1), row1_high = _mm_loadu_ps(row1 + 4);
    const __m128 candidates[3] = {_mm_shuffle_ps(row0_low, row0_high, _MM_SHUFFLE(3, 1, 3, 1)),
                                  _mm_shuffle_ps(row1_low, row1_high, _MM_SHUFFLE(2, 0, 2, 0)),
                                  _mm_shuffle_ps(row1_low, row1_high, _MM_SHUFFLE(3, 1, 3, 1))};
    const int offsets[3] = {1, in_width, in_width + 1};
    __m128 value = _mm_shuffle_ps(row0_low, row0_high, _MM_SHUFFLE(2, 0, 2, 0));
    const __m128i tops = _mm_add_epi32(_mm_set1_epi32(top), _mm_setr_epi32(0, 2, 4, 6));
    __m128i best = tops;
    for (int k = 0; k < 3; ++k) {
        const __m128 larger = _mm_cmpgt_ps(candidates[k], value);
        value = _mm_or_ps(_mm_and_ps(larger, candidates[k]), _mm_andnot_ps(larger, value));
        const __m128i mask = _mm_castps_si128(larger);
        const __m128i cell = _mm_add_epi32(tops, _mm_set1_epi32(offsets[k]));
        best = _mm_or_si128(_mm_and_si128(mask, cell), _mm_andnot_si128(mask, best));
    }
    _mm_storeu_ps(out, value);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(winners), best);
}
#endif

// Max pooling with a 2x2 window, stride 2, no padding or dilation (the presets'):
// the same result as the general loop, without its bounds tests.
template <typename Real>
void max_pool_2x2(const Real* in, int in_width, int out_height, int out_width, Real* out,
                  int* winners) {
    for (int oy = 0; oy < out_height; ++oy) {
        int ox = 0;
#ifdef __SSE2__
        if constexpr (std::is_same_v<Real, float>) {
            for (; ox + 4 <= out_width; ox += 4) {
                max_pool_4_cells(in, in_width, 2 * oy * in_width + 2 * ox,
                                 out + oy * out_width + ox, winners + oy * out_width + ox);
            }
        }
#endif
        for (; ox < out_width; ++ox) {
            max_pool_cell(in, in_width, 2 * oy * in_width + 2 * ox, out + oy * out_width + ox,
                          winners + oy * out_width + ox);
        }
    }
}

bool is_plain_2x2(const ConvGeometry& g) {
    auto plain = [](const AxisGeometry& a) {
        return a.kernel == 2 && a.stride == 2 && a.dilation == 1 && a.pad_before == 0 &&
               a.pad_after == 0;
    };
    return plain(g.h) && plain(g.w);
}

}  // namespace

template <typename Real>
void PoolingLayer<Real>::forward_images(const Real* input, Real* output, int first, int count) {
    const AxisGeometry& gh = geometry_.h;
    const AxisGeometry& gw = geometry_.w;
    const int planes = count * this->input_shape().channels;
    const int first_plane = first * this->input_shape().channels;
    const int in_plane = gh.input * gw.input;
    const int out_plane = gh.output * gw.output;
    const Real mean_scale = Real(1) / static_cast<Real>(gh.kernel * gw.kernel);
    if (kind_ == PoolKind::Max) {
        CS_CHECK(argmax_.size() >= static_cast<std::size_t>(first_plane + planes) * out_plane);
    }
    for (int plane = 0; plane < planes; ++plane) {
        const Real* in = input + static_cast<long>(plane) * in_plane;
        Real* out = output + static_cast<long>(plane) * out_plane;
        int* winners = kind_ == PoolKind::Max
                           ? argmax_.data() + static_cast<long>(first_plane + plane) * out_plane
                           : nullptr;
        if (kind_ == PoolKind::Max && is_plain_2x2(geometry_)) {
            max_pool_2x2(in, gw.input, gh.output, gw.output, out, winners);
            continue;
        }
        for (int oy = 0; oy < gh.output; ++oy)
            for (int ox = 0; ox < gw.output; ++ox) {
                Real best = -std::numeric_limits<Real>::infinity();
                Real sum = 0;
                int best_index = -1;
                for (int ky = 0; ky < gh.kernel; ++ky) {
                    const int y = oy * gh.stride - gh.pad_before + ky * gh.dilation;
                    if (y < 0 || y >= gh.input) continue;
                    for (int kx = 0; kx < gw.kernel; ++kx) {
                        const int x = ox * gw.stride - gw.pad_before + kx * gw.dilation;
                        if (x < 0 || x >= gw.input) continue;  // padding never wins, adds 0
                        const Real value = in[y * gw.input + x];
                        sum += value;
                        if (value > best) {  // the first maximum wins ties, as the reference
                            best = value;
                            best_index = y * gw.input + x;
                        }
                    }
                }
                const int cell = oy * gw.output + ox;
                if (kind_ == PoolKind::Max) {
                    out[cell] = best;
                    winners[cell] = best_index;
                } else {
                    out[cell] = sum * mean_scale;
                }
            }
    }
}

template <typename Real>
void PoolingLayer<Real>::backward_images(const Real* d_output, Real* d_input, int first,
                                         int count) {
    if (!d_input) return;
    const AxisGeometry& gh = geometry_.h;
    const AxisGeometry& gw = geometry_.w;
    const int planes = count * this->input_shape().channels;
    const int first_plane = first * this->input_shape().channels;
    const int in_plane = gh.input * gw.input;
    const int out_plane = gh.output * gw.output;
    const Real mean_scale = Real(1) / static_cast<Real>(gh.kernel * gw.kernel);
    std::fill(d_input, d_input + static_cast<long>(planes) * in_plane, Real(0));
    for (int plane = 0; plane < planes; ++plane) {
        const Real* d_out = d_output + static_cast<long>(plane) * out_plane;
        Real* d_in = d_input + static_cast<long>(plane) * in_plane;
        if (kind_ == PoolKind::Max) {
            const int* winners =
                argmax_.data() + static_cast<long>(first_plane + plane) * out_plane;
            for (int cell = 0; cell < out_plane; ++cell)
                if (winners[cell] >= 0) d_in[winners[cell]] += d_out[cell];
            continue;
        }
        for (int oy = 0; oy < gh.output; ++oy)
            for (int ox = 0; ox < gw.output; ++ox) {
                const Real share = d_out[oy * gw.output + ox] * mean_scale;
                for (int ky = 0; ky < gh.kernel; ++ky) {
                    const int y = oy * gh.stride - gh.pad_before + ky;
                    if (y < 0 || y >= gh.input) continue;
                    for (int kx = 0; kx < gw.kernel; ++kx) {
                        const int x = ox * gw.stride - gw.pad_before + kx;
                        if (x >= 0 && x < gw.input) d_in[y * gw.input + x] += share;
                    }
                }
            }
    }
}

template class PoolingLayer<float>;
template class PoolingLayer<double>;

}  // namespace convscope
