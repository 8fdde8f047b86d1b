#include "app/model/digit_sketch.hpp"

namespace convscope {

DigitSketch::DigitSketch(std::shared_ptr<const PretrainedNetwork> pretrained)
    : pretrained_(std::move(pretrained)) {
    if (pretrained_) probe_ = std::make_unique<ActivationProbe>(pretrained_->spec);
    update();
}

DigitSketch::~DigitSketch() = default;

void DigitSketch::paint(const std::vector<CanvasStroke>& strokes) {
    if (strokes.empty()) return;
    for (const CanvasStroke& s : strokes) canvas_.stroke(s.x0, s.y0, s.x1, s.y1);
    update();
}

void DigitSketch::clear() {
    canvas_.clear();
    update();
}

void DigitSketch::update() {
    // White ink on black, as MNIST stores digits and as the network saw them.
    const Tensor ink({1, canvas_.side(), canvas_.side()}, canvas_.pixels());
    canvas_picture_.set({render_image(ink)});
    const Tensor digit = mnist_preprocess(canvas_);
    if (probe_) {
        activations_ = probe_->run(pretrained_->parameters.data(), digit.data());
    } else {
        activations_ = {};
        activations_.input_shape = Shape{1, kMnistSide, kMnistSide};
        activations_.input = digit.values();
    }
    pictures_.build(activations_);
}

}  // namespace convscope
