#include "core/onnx/onnx_input.hpp"

#include <cmath>
#include <sstream>

#include "core/formats/image_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

std::vector<float> parse_channel_values(const std::string& text, int channels,
                                        const std::string& what, bool positive) {
    std::vector<float> values;
    std::stringstream parts(text);
    std::string part;
    while (std::getline(parts, part, ',')) {
        char* end = nullptr;
        const float value = std::strtof(part.c_str(), &end);
        if (part.empty() || *end != '\0' || !std::isfinite(value) || (positive && value <= 0))
            throw InputError(what + " '" + part + "' is not a " + (positive ? "positive " : "") +
                             "number: give e.g. " +
                             (positive ? "0.229,0.224,0.225" : "0.485,0.456,0.406"));
        values.push_back(value);
    }
    if (values.size() != 1 && values.size() != static_cast<std::size_t>(channels))
        throw InputError(what + " has " + std::to_string(values.size()) +
                         " values: give 1 or one per channel (" + std::to_string(channels) + ")");
    return values;
}

std::vector<float> model_input(const Tensor& image, Shape input, const InputScaling& scaling) {
    if (input.channels != 1 && input.channels != 3)
        throw InputError("the model takes " + std::to_string(input.channels) +
                         "-channel images: convscope feeds grey (1) or colour (3) pictures");
    Tensor picture = image;
    if (input.channels == 1) picture = to_grey(image);
    if (input.channels == 3 && image.dim(0) == 1) {  // grey to RGB: the plane three times
        std::vector<float> values;
        for (int c = 0; c < 3; ++c)
            values.insert(values.end(), image.values().begin(), image.values().end());
        picture = Tensor({3, image.dim(1), image.dim(2)}, values);
    }
    const int height = picture.dim(1), width = picture.dim(2);
    const std::size_t plane = static_cast<std::size_t>(height) * width;
    std::vector<float> values;
    for (int c = 0; c < input.channels; ++c) {
        std::vector<float> resized =
            resample_plane(picture.data() + c * plane, height, width, input.height, input.width);
        const auto pick = [c](const std::vector<float>& v, float fallback) {
            return v.empty() ? fallback : v[v.size() == 1 ? 0 : static_cast<std::size_t>(c)];
        };
        const float mean = pick(scaling.mean, 0.0f), deviation = pick(scaling.std, 1.0f);
        for (float& v : resized) v = (v - mean) / deviation;
        values.insert(values.end(), resized.begin(), resized.end());
    }
    return values;
}

}  // namespace convscope
