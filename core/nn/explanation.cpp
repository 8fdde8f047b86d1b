#include "core/nn/explanation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "core/nn/network_probe.hpp"
#include "core/ops/receptive_field.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

// ---- the pass -----------------------------------------------------------------------

ExplainMethod explain_method_named(const std::string& name) {
    if (name == "saliency") return ExplainMethod::Saliency;
    if (name == "gradcam") return ExplainMethod::GradCam;
    throw InputError(
        Message("unknown method '{name}': choose saliency or gradcam", {{"name", name}}));
}

int gradcam_layer(const NetworkSpec& spec) {
    int layer = -1;
    for (int i = 0; i < static_cast<int>(spec.layers.size()); ++i)
        if (spec.layers[i].kind == LayerKind::Convolution) layer = i;
    const bool relu_follows = layer >= 0 && layer + 1 < static_cast<int>(spec.layers.size()) &&
                              spec.layers[layer + 1].kind == LayerKind::Relu;
    return relu_follows ? layer + 1 : layer;
}

template <typename Real>
Explanation<Real> explain(const NetworkSpec& spec, const Real* parameters, const Real* image,
                          int target_class) {
    // The layers, each bound to its slice; parameter gradients go to a scratch buffer.
    std::vector<std::unique_ptr<Layer<Real>>> layers;
    std::vector<std::vector<Real>> outputs;
    Shape shape = spec.input;
    std::size_t offset = 0;
    for (const LayerSpec& layer_spec : spec.layers) {
        layers.push_back(make_layer<Real>(layer_spec, shape));
        shape = layers.back()->output_shape();
        outputs.emplace_back(static_cast<std::size_t>(shape.size()));
        offset += layers.back()->parameter_count();
    }
    std::vector<Real> scratch(offset, Real(0));
    offset = 0;
    for (auto& layer : layers) {
        layer->reserve(1);
        layer->bind(parameters + offset, scratch.data() + offset);
        offset += layer->parameter_count();
    }

    Explanation<Real> result;
    result.input_shape = spec.input;
    const Real* input = image;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        layers[i]->forward(input, outputs[i].data(), 1);
        input = outputs[i].data();
    }
    result.logits = outputs.back();
    const int classes = static_cast<int>(result.logits.size());
    result.predicted_class = static_cast<int>(
        std::max_element(result.logits.begin(), result.logits.end()) - result.logits.begin());
    if (target_class >= classes || target_class < -1) {
        throw InputError(Message("class {class} does not exist: choose 0 to {last}",
                                 {{"class", target_class}, {"last", classes - 1}}));
    }
    result.target_class = target_class < 0 ? result.predicted_class : target_class;

    // d score / d logits is one-hot; back through every layer, the first one included.
    result.cam_layer = gradcam_layer(spec);
    std::vector<Real> d_output(static_cast<std::size_t>(classes), Real(0));
    d_output[static_cast<std::size_t>(result.target_class)] = Real(1);
    for (int i = static_cast<int>(layers.size()) - 1; i >= 0; --i) {
        if (i == result.cam_layer) {
            result.cam_shape = layers[i]->output_shape();
            result.cam_activations = outputs[i];
            result.cam_gradients = d_output;
        }
        std::vector<Real> d_input(static_cast<std::size_t>(layers[i]->input_shape().size()));
        layers[i]->backward(d_output.data(), d_input.data(), 1);
        d_output.swap(d_input);
    }
    result.input_gradient = d_output;

    if (result.cam_layer >= 0) {
        const int planes = result.cam_shape.channels;
        const int cells = result.cam_shape.height * result.cam_shape.width;
        result.cam_weights.assign(static_cast<std::size_t>(planes), Real(0));
        result.cam_coarse.assign(static_cast<std::size_t>(cells), Real(0));
        for (int k = 0; k < planes; ++k) {
            Real sum = 0;
            for (int c = 0; c < cells; ++c) sum += result.cam_gradients[k * cells + c];
            result.cam_weights[k] = sum / cells;
            for (int c = 0; c < cells; ++c)
                result.cam_coarse[c] +=
                    result.cam_weights[k] * result.cam_activations[k * cells + c];
        }
        for (Real& value : result.cam_coarse) value = std::max(value, Real(0));
    }
    return result;
}

template Explanation<float> explain<float>(const NetworkSpec&, const float*, const float*, int);
template Explanation<double> explain<double>(const NetworkSpec&, const double*, const double*, int);

// ---- heat maps at the input's size --------------------------------------------------

namespace {

void normalise(std::vector<float>& values) {
    const float largest = values.empty() ? 0.0f : *std::max_element(values.begin(), values.end());
    if (largest <= 0) return;
    for (float& value : values) value /= largest;
}

// Where unit 0 and unit n-1 of a map axis sit on the input: their receptive fields'
// centres. position(i) = first + i * step.
struct AxisPlacement {
    double first = 0;
    double step = 1;
};

}  // namespace

std::vector<float> saliency_heat(const Explanation<float>& explanation) {
    const Shape& shape = explanation.input_shape;
    const int cells = shape.height * shape.width;
    std::vector<float> heat(static_cast<std::size_t>(cells), 0.0f);
    for (int c = 0; c < shape.channels; ++c)
        for (int i = 0; i < cells; ++i)
            heat[i] = std::max(heat[i], std::fabs(explanation.input_gradient[c * cells + i]));
    normalise(heat);
    return heat;
}

std::vector<float> gradcam_heat(const NetworkSpec& spec, const Explanation<float>& explanation) {
    const Shape& input = explanation.input_shape;
    std::vector<float> heat(static_cast<std::size_t>(input.height * input.width), 0.0f);
    if (explanation.cam_layer < 0) return heat;
    const int h = explanation.cam_shape.height, w = explanation.cam_shape.width;
    const std::vector<FieldRegion> first =
        receptive_field(spatial_geometries(spec, explanation.cam_layer), 0, 0);
    const std::vector<FieldRegion> last =
        receptive_field(spatial_geometries(spec, explanation.cam_layer), h - 1, w - 1);
    auto centre = [](const CellRange& range) { return 0.5 * (range.first + range.last); };
    const AxisPlacement rows{centre(first[0].rows),
                             h > 1 ? (centre(last[0].rows) - centre(first[0].rows)) / (h - 1) : 1};
    const AxisPlacement cols{centre(first[0].cols),
                             w > 1 ? (centre(last[0].cols) - centre(first[0].cols)) / (w - 1) : 1};
    // Bilinear between the four nearest units, clamped at the map's edges.
    auto sample = [&](double position, const AxisPlacement& axis, int size, int& lower,
                      double& fraction) {
        const double unit = std::clamp((position - axis.first) / axis.step, 0.0, double(size - 1));
        lower = std::min(static_cast<int>(unit), size - 1);
        fraction = unit - lower;
    };
    for (int y = 0; y < input.height; ++y) {
        int y0;
        double fy;
        sample(y, rows, h, y0, fy);
        const int y1 = std::min(y0 + 1, h - 1);
        for (int x = 0; x < input.width; ++x) {
            int x0;
            double fx;
            sample(x, cols, w, x0, fx);
            const int x1 = std::min(x0 + 1, w - 1);
            const auto& map = explanation.cam_coarse;
            const double top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
            const double bottom = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
            heat[y * input.width + x] = static_cast<float>(top * (1 - fy) + bottom * fy);
        }
    }
    normalise(heat);
    return heat;
}

std::vector<float> explanation_heat(const NetworkSpec& spec, const Explanation<float>& explanation,
                                    ExplainMethod method) {
    return method == ExplainMethod::Saliency ? saliency_heat(explanation)
                                             : gradcam_heat(spec, explanation);
}

// ---- the overlay picture ------------------------------------------------------------

void heat_colour(float heat, std::uint8_t rgb[3]) {
    // Red rises first, then green; no blue, so the top is yellow, never white: it stays
    // visible on a digit's white strokes.
    const float t = std::clamp(heat, 0.0f, 1.0f);
    const float r = std::min(1.0f, 0.5f + 1.5f * t);
    const float g = std::clamp(1.4f * t - 0.3f, 0.0f, 0.9f);
    rgb[0] = static_cast<std::uint8_t>(std::lround(255 * r));
    rgb[1] = static_cast<std::uint8_t>(std::lround(255 * g));
    rgb[2] = 0;
}

RgbImage heat_overlay(const Tensor& input, const std::vector<float>& heat, float opacity,
                      int factor) {
    CS_CHECK(input.rank() == 3 && factor >= 1);
    const int height = input.dim(1), width = input.dim(2);
    CS_CHECK(heat.size() == static_cast<std::size_t>(height) * width);
    RgbImage base = render_image(to_grey(input));  // grey: every colour on it is heat
    const float strength = std::clamp(opacity, 0.0f, 1.0f);
    const float dimmed = 1.0f - 0.5f * strength;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const float h = heat[y * width + x];
            const float alpha = strength * std::clamp(h, 0.0f, 1.0f);
            std::uint8_t colour[3];
            heat_colour(h, colour);
            std::uint8_t* pixel = base.pixel(y, x);
            for (int c = 0; c < 3; ++c)
                pixel[c] = static_cast<std::uint8_t>(
                    std::lround(pixel[c] * dimmed * (1 - alpha) + colour[c] * alpha));
        }
    return factor == 1 ? base : scaled_nearest(base, factor);
}

}  // namespace convscope
