#include "app/model/explained_picture.hpp"

#include "core/images/digit_input.hpp"

namespace convscope {

void ExplainedPicture::keep(const NetworkSpec& spec, const Explanation<float>& explanation) {
    predicted_ = explanation.predicted_class;
    has_gradcam_ = explanation.cam_layer >= 0;
    field_saliency_ = saliency_heat(explanation);
    field_gradcam_ = gradcam_heat(spec, explanation);
    stale_ = true;
}

void ExplainedPicture::explain_digit(const PretrainedNetwork& network,
                                     const std::vector<float>& digit,
                                     std::uint64_t source_version) {
    const Shape input = network.spec.input;
    base_ = Tensor({input.channels, input.height, input.width}, digit);
    keep(network.spec, explain(network.spec, network.parameters.data(), digit.data()));
    saliency_ = field_saliency_;
    gradcam_ = field_gradcam_;
    source_version_ = source_version;
}

void ExplainedPicture::explain_photo(const PretrainedNetwork& network, const RgbImage& photo,
                                     std::uint64_t source_version) {
    const int height = photo.height, width = photo.width;
    Tensor colour({3, height, width});
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c)
                colour.data()[(c * height + y) * width + x] = photo.pixel(y, x)[c] / 255.0f;
    const DigitInput input = picture_as_digit_input(to_grey(colour));
    keep(network.spec, explain(network.spec, network.parameters.data(), input.digit.data()));
    saliency_ =
        field_map_on_picture(field_saliency_, input.placement, height, width, height, width);
    gradcam_ = field_map_on_picture(field_gradcam_, input.placement, height, width, height, width);
    base_ = std::move(colour);
    source_version_ = source_version;
}

void ExplainedPicture::show(const ExplainViewState& view) {
    if (!ready() || view.overlay == ExplainOverlay::None) return;
    if (!stale_ && view == shown_) return;
    shown_ = view;
    stale_ = false;
    const std::vector<float>& heat =
        view.overlay == ExplainOverlay::Saliency || !has_gradcam_ ? saliency_ : gradcam_;
    overlay_.set({heat_overlay(base_, heat, view.opacity)});
}

}  // namespace convscope
