// Sections: the batch through the layers, one weight's terms.
#include "core/nn/batch_gradients.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/nn/conv_layer.hpp"
#include "core/nn/network.hpp"
#include "core/nn/network_probe.hpp"
#include "core/nn/softmax_loss.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

// ---- the batch through the layers ---------------------------------------------------

BatchInspection inspect_batch(const NetworkSpec& spec, const float* parameters, const float* images,
                              const std::uint8_t* labels, int count) {
    if (count < 1) throw InputError(Message("a batch needs at least one image"));
    std::vector<std::unique_ptr<Layer<float>>> layers;
    std::vector<std::size_t> offsets;
    std::size_t total = 0;
    int first_conv = -1;
    Shape shape = spec.input;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        layers.push_back(make_layer<float>(spec.layers[i], shape));
        if (first_conv < 0 && spec.layers[i].kind == LayerKind::Convolution)
            first_conv = static_cast<int>(i);
        offsets.push_back(total);
        total += layers.back()->parameter_count();
        shape = layers.back()->output_shape();
    }
    if (first_conv < 0) throw InputError(Message("the network has no convolutional layer"));
    std::vector<float> gradients(total, 0.0f);

    BatchInspection result;
    result.count = count;
    result.image_shape = spec.input;
    const std::size_t image_size = static_cast<std::size_t>(spec.input.size());
    result.images.assign(images, images + image_size * count);
    result.labels.assign(labels, labels + count);

    // Forward, every layer's output kept for the backward pass.
    std::vector<std::vector<float>> outputs(layers.size());
    const float* input = result.images.data();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        Layer<float>& layer = *layers[i];
        layer.bind(parameters + offsets[i], gradients.data() + offsets[i]);
        layer.reserve(count);
        outputs[i].resize(static_cast<std::size_t>(layer.output_shape().size()) * count);
        layer.forward(input, outputs[i].data(), count);
        input = outputs[i].data();
    }
    const int classes = layers.back()->output_shape().size();
    SoftmaxWithLoss<float> loss(classes);
    loss.reserve(count);
    result.loss = loss.forward(outputs.back().data(), labels, count);
    result.correct = loss.correct_count(count);
    const float* probabilities = loss.probabilities();
    for (int n = 0; n < count; ++n) {
        const float* row = probabilities + static_cast<std::size_t>(n) * classes;
        result.predictions.push_back(static_cast<int>(std::max_element(row, row + classes) - row));
    }

    // Backward down to the first convolution; its d_output is dL/dY.
    std::vector<float> d_output(outputs.back().size());
    loss.backward(d_output.data(), count, count);
    for (int i = static_cast<int>(layers.size()) - 1; i >= first_conv; --i) {
        Layer<float>& layer = *layers[static_cast<std::size_t>(i)];
        if (i == first_conv) {
            result.output_gradient = d_output;
            layer.backward(d_output.data(), nullptr, count);
            break;
        }
        std::vector<float> d_input(static_cast<std::size_t>(layer.input_shape().size()) * count);
        layer.backward(d_output.data(), d_input.data(), count);
        d_output = std::move(d_input);
    }

    const auto& conv = dynamic_cast<const ConvolutionLayer<float>&>(*layers[first_conv]);
    result.groups = conv.groups();
    result.geometry = conv.geometry();
    result.conv_input = conv.input_shape();
    result.conv_output = conv.output_shape();
    result.conv_inputs = first_conv == 0 ? result.images : outputs[first_conv - 1];
    const std::vector<ConvFilters> filters =
        conv_filters(spec, parameter_layout(spec), parameters, gradients.data());
    for (const ConvFilters& f : filters)
        if (f.layer == first_conv) result.filters = f;
    return result;
}

// ---- one weight's terms -------------------------------------------------------------

namespace {

void require_index(const char* name, int value, int size) {
    if (value < 0 || value >= size) {
        throw InputError(
            Message("the {name} index must be between 0 and {high}, got {value}",
                    {{"name", Message::verbatim(name)}, {"high", size - 1}, {"value", value}}));
    }
}

}  // namespace

WeightGradientSum decompose_weight_gradient(const BatchInspection& inspection, int filter,
                                            int channel, int ky, int kx, int top) {
    const std::vector<int>& shape = inspection.filters.shape;
    CS_CHECK(shape.size() == 4);
    require_index("filter", filter, shape[0]);
    require_index("channel", channel, shape[1]);
    require_index("row", ky, shape[2]);
    require_index("column", kx, shape[3]);
    WeightGradientSum sum;
    sum.filter = filter;
    sum.channel = channel;
    sum.ky = ky;
    sum.kx = kx;
    const std::size_t weight =
        ((static_cast<std::size_t>(filter) * shape[1] + channel) * shape[2] + ky) * shape[3] + kx;
    if (weight < inspection.filters.gradients.size())
        sum.layer_gradient = inspection.filters.gradients[weight];

    // Grouped: filter f reads its group's input channels only.
    const int group = filter / (shape[0] / inspection.groups);
    const int in_channel = group * shape[1] + channel;
    const ConvGeometry& g = inspection.geometry;
    const Shape in = inspection.conv_input, out = inspection.conv_output;
    std::vector<WeightTerm> terms;
    for (int n = 0; n < inspection.count; ++n) {
        const float* x =
            inspection.conv_inputs.data() +
            (static_cast<std::size_t>(n) * in.channels + in_channel) * in.height * in.width;
        const float* dy =
            inspection.output_gradient.data() +
            (static_cast<std::size_t>(n) * out.channels + filter) * out.height * out.width;
        for (int oy = 0; oy < out.height; ++oy) {
            for (int ox = 0; ox < out.width; ++ox) {
                ++sum.term_count;
                const int iy = oy * g.h.stride - g.h.pad_before + ky * g.h.dilation;
                const int ix = ox * g.w.stride - g.w.pad_before + kx * g.w.dilation;
                if (!g.is_input_cell(iy, ix)) continue;  // padding: a zero term
                WeightTerm term{n,   oy, ox, iy, ix, x[iy * in.width + ix], dy[oy * out.width + ox],
                                0.0f};
                term.product = term.input * term.output_gradient;
                if (term.product == 0.0f) continue;
                ++sum.nonzero_terms;
                sum.total += term.product;
                terms.push_back(term);
            }
        }
    }
    const std::size_t kept = std::min(terms.size(), static_cast<std::size_t>(std::max(top, 0)));
    std::partial_sort(terms.begin(), terms.begin() + static_cast<long>(kept), terms.end(),
                      [](const WeightTerm& a, const WeightTerm& b) {
                          return std::fabs(a.product) > std::fabs(b.product);
                      });
    sum.largest.assign(terms.begin(), terms.begin() + static_cast<long>(kept));
    return sum;
}

}  // namespace convscope
