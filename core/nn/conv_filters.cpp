#include "core/nn/conv_filters.hpp"

#include "core/nn/network_probe.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

int ConvFilters::slice_count() const {
    return shape.size() == 4 ? shape[0] * shape[1] : 0;
}

int ConvFilters::filter_of(int slice) const {
    CS_CHECK(slice >= 0 && slice < slice_count());
    return slice / shape[1];
}

int ConvFilters::channel_of(int slice) const {
    CS_CHECK(slice >= 0 && slice < slice_count());
    return slice % shape[1];
}

std::vector<ConvFilters> conv_filters(const NetworkSpec& spec,
                                      const std::vector<ParameterTensor>& views,
                                      const float* parameters, const float* gradients) {
    const auto is_weight = [](const std::string& name) {
        return name.size() > 7 && name.compare(name.size() - 7, 7, ".weight") == 0;
    };
    std::vector<ConvFilters> layers;
    for (const ParameterTensor& view : views) {
        if (spec.layers[static_cast<std::size_t>(view.layer)].kind != LayerKind::Convolution) {
            continue;
        }
        const float* values = parameters + view.offset;
        if (is_weight(view.name)) {
            ConvFilters filters;
            filters.layer = view.layer;
            filters.name = layer_name(spec, view.layer);
            filters.shape = view.shape;
            filters.weights.assign(values, values + view.count);
            if (gradients != nullptr) {
                filters.gradients.assign(gradients + view.offset,
                                         gradients + view.offset + view.count);
            }
            layers.push_back(std::move(filters));
        } else if (!layers.empty() && layers.back().layer == view.layer) {
            layers.back().biases.assign(values, values + view.count);
        }
    }
    return layers;
}

}  // namespace convscope
