// Diagnosing a wrong output value: each mistake is recomputed from the step's terms
// the way a student would make it, and compared with the answer. Sections:
//   1. the alternative sums   2. convolution mistakes   3. pooling mistakes
#include "core/lessons/quiz_cell.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace convscope {

namespace {

// ---- 1. the alternative sums --------------------------------------------------------

// The kernel weight filter f puts on input channel c at (ky, kx).
float weight_at(const OperationTrace& trace, int f, int c, int ky, int kx) {
    const auto index = kernel_layout(trace.op()).index(f, c);
    return trace.weight().at(index[0], index[1], ky, kx);
}

// The step's sum with each term's weight replaced by weight_of(term).
template <typename WeightOf>
float sum_with_weights(const TraceStep& step, WeightOf weight_of) {
    float sum = step.bias;
    for (const TraceTerm& term : step.terms) sum += term.input_value * weight_of(term);
    return sum;
}

// The window laid on the unpadded input at (y*s, x*s), as if the padding were not there;
// cells past the input's edge read as zero.
float sum_without_padding(const OperationTrace& trace, const TraceStep& step) {
    const ConvGeometry& g = trace.geometry();
    const Tensor& input = trace.input();
    float sum = step.bias;
    for (const TraceTerm& term : step.terms) {
        const int y = step.y * g.h.stride + term.tap.k_y * g.h.dilation;
        const int x = step.x * g.w.stride + term.tap.k_x * g.w.dilation;
        if (!g.is_input_cell(y, x)) continue;
        sum += input.at(step.n, term.channel, y, x) * term.kernel_value;
    }
    return sum;
}

Diagnosis found(Mistake mistake, Message message) {
    return {mistake, std::move(message)};
}

std::string number(float value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
}

// ---- 2. convolution mistakes --------------------------------------------------------

std::optional<Diagnosis> term_mistake(const TraceStep& step, float answer) {
    const float right = step.value;
    for (int i = 0; i < static_cast<int>(step.terms.size()); ++i) {
        const TraceTerm& t = step.terms[i];
        if (t.product != 0.0f && same_number(answer, right - t.product)) {
            Diagnosis d = found(Mistake::ProductMissed,
                                Message("The product {weight}×{input} = {product} is missing "
                                        "from the sum.",
                                        {{"input", number(t.input_value)},
                                         {"weight", number(t.kernel_value)},
                                         {"product", number(t.product)}}));
            d.term = i;
            return d;
        }
    }
    for (int i = 0; i < static_cast<int>(step.terms.size()); ++i) {
        const TraceTerm& t = step.terms[i];
        // Only where adding is a slip worth naming: a 0 or 1 makes any small error look like it.
        const bool plain = std::fabs(t.input_value) < 2 || std::fabs(t.kernel_value) < 2;
        const float added = t.input_value + t.kernel_value;
        if (!plain && added != t.product && same_number(answer, right - t.product + added)) {
            Diagnosis d = found(Mistake::AddedNotMultiplied,
                                Message("{weight} and {input} were added; multiply them: "
                                        "{weight}×{input} = {product}.",
                                        {{"input", number(t.input_value)},
                                         {"weight", number(t.kernel_value)},
                                         {"product", number(t.product)}}));
            d.term = i;
            return d;
        }
    }
    for (int i = 0; i < static_cast<int>(step.terms.size()); ++i) {
        const TraceTerm& t = step.terms[i];
        for (const TraceTerm& other : step.terms) {
            if (other.channel != t.channel || other.kernel_value == t.kernel_value) continue;
            const float wrong = t.input_value * other.kernel_value;
            if (!same_number(answer, right - t.product + wrong)) continue;
            Diagnosis d = found(Mistake::ProductWrongWeight,
                                Message("The input {input} was multiplied by the weight {wrong}; "
                                        "its weight is {weight}, the kernel cell over it.",
                                        {{"input", number(t.input_value)},
                                         {"wrong", number(other.kernel_value)},
                                         {"weight", number(t.kernel_value)}}));
            d.term = i;
            return d;
        }
    }
    return std::nullopt;
}

std::optional<Diagnosis> channel_mistake(const OperationTrace& trace, const TraceStep& step,
                                         float answer) {
    const int channels = static_cast<int>(step.channel_sums.size());
    if (channels < 2) return std::nullopt;
    for (int c = 0; c < channels; ++c) {
        if (!same_number(answer, step.channel_sums[c]) &&
            !same_number(answer, step.channel_sums[c] + step.bias))
            continue;
        Diagnosis d = found(Mistake::OneChannelOnly,
                            Message("Only channel {channel} was summed; add the products of "
                                    "all {channels} input channels.",
                                    {{"channel", c}, {"channels", channels}}));
        d.channel = c;
        return d;
    }
    for (int shift = 1; shift < channels; ++shift) {
        const float wrong = sum_with_weights(step, [&](const TraceTerm& t) {
            return weight_at(trace, step.f, (t.channel + shift) % channels, t.tap.k_y, t.tap.k_x);
        });
        if (same_number(answer, wrong))
            return found(Mistake::WrongChannelPaired,
                         Message("Each input channel must meet its own slice of the kernel: "
                                 "channel c with kernel channel c."));
    }
    return std::nullopt;
}

std::optional<Diagnosis> conv_mistake(const OperationTrace& trace, const TraceStep& step,
                                      float answer) {
    const float right = step.value;
    if (step.bias != 0.0f && same_number(answer, right - step.bias))
        return found(Mistake::BiasLeftOut,
                     Message("The bias {bias} is left out: add it after the products.",
                             {{"bias", number(step.bias)}}));
    if (auto d = term_mistake(step, answer)) return d;
    if (auto d = channel_mistake(trace, step, answer)) return d;
    if (trace.op() != TracedOp::Conv) return std::nullopt;  // transposed: scatter terms
    const ConvGeometry& g = trace.geometry();
    if ((g.h.pad_before > 0 || g.w.pad_before > 0) &&
        same_number(answer, sum_without_padding(trace, step)))
        return found(Mistake::PaddingForgotten,
                     Message("The window was placed as if there were no padding: the zeros "
                             "of the padding are part of the input the window slides over."));
    const int kh = trace.weight().dim(2), kw = trace.weight().dim(3);
    const float flipped = sum_with_weights(step, [&](const TraceTerm& t) {
        return weight_at(trace, step.f, t.channel, kh - 1 - t.tap.k_y, kw - 1 - t.tap.k_x);
    });
    if (!same_number(flipped, right) && same_number(answer, flipped))
        return found(Mistake::KernelFlipped,
                     Message("The kernel was turned 180°: a CNN's convolution (PyTorch's too) "
                             "lays the kernel on the window as it is, cell by cell."));
    return std::nullopt;
}

// ---- 3. pooling mistakes ------------------------------------------------------------

std::optional<Diagnosis> pool_mistake(const TraceStep& step, float answer) {
    float sum = 0.0f, largest = 0.0f;
    bool any = false;
    int cells = 0;
    for (const TraceTerm& t : step.terms) {
        sum += t.input_value;
        ++cells;
        if (t.tap.padded) continue;
        largest = any ? std::max(largest, t.input_value) : t.input_value;
        any = true;
    }
    const float mean = sum / static_cast<float>(std::max(cells, 1));
    if (step.winner >= 0) {  // max pooling
        if (same_number(answer, mean) && !same_number(mean, largest))
            return found(Mistake::MeanNotMax,
                         Message("That is the mean of the window; max pooling keeps its "
                                 "largest value."));
        for (const TraceTerm& t : step.terms)
            if (!t.tap.padded && same_number(answer, t.input_value))
                return found(Mistake::NotTheMaximum,
                             Message("{value} is in the window, but not its largest value.",
                                     {{"value", number(answer)}}));
        return std::nullopt;
    }
    if (any && same_number(answer, largest) && !same_number(largest, mean))
        return found(Mistake::MaxNotMean,
                     Message("That is the largest value; average pooling keeps the mean."));
    if (same_number(answer, sum) && cells > 1)
        return found(Mistake::SumNotMean,
                     Message("That is the sum; divide it by the window's {cells} cells.",
                             {{"cells", cells}}));
    return std::nullopt;
}

}  // namespace

Diagnosis diagnose_cell(const OperationTrace& trace, int step_index, float answer) {
    const TraceStep step = trace.step(step_index);
    if (same_number(answer, step.value)) return found(Mistake::None, Message("Right."));
    const std::optional<Diagnosis> d =
        is_pooling(trace.op()) ? pool_mistake(step, answer) : conv_mistake(trace, step, answer);
    if (d) return *d;
    return found(Mistake::Unknown,
                 Message("Not quite: the cell is {value}. Follow the working below.",
                         {{"value", number(step.value)}}));
}

}  // namespace convscope
