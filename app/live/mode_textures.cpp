#include "app/live/mode_textures.hpp"

namespace convscope {

namespace {
using Filter = gl::ImageTexture::Filter;
}

void ImageStudyTextures::update(const ImageStudy& study) {
    // Photos are smoothed when scaled; so are their feature maps, hundreds of pixels wide.
    photo.update(study.photo(), Filter::Linear);
    filtered.update(study.filtered(), Filter::Linear);
    features.resize(static_cast<std::size_t>(study.feature_layer_count()));
    for (int i = 0; i < study.feature_layer_count(); ++i)
        features[static_cast<std::size_t>(i)].update(study.features(i), Filter::Linear);
}

void DigitSketchTextures::update(const DigitSketch& sketch) {
    canvas.update(sketch.canvas_picture(), Filter::Linear);
    pictures.update(sketch.pictures());
}

}  // namespace convscope
