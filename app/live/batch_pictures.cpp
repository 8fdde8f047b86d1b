#include "app/live/batch_pictures.hpp"

#include <algorithm>

#include "app/model/activation_tiles.hpp"

namespace convscope {

void BatchPictures::update(const std::shared_ptr<const BatchInspection>& batch) {
    if (batch == built_) return;
    built_ = batch;
    if (!batch) {
        images_.build({}, gl::ImageTexture::Filter::Nearest);
        filters_.build({}, gl::ImageTexture::Filter::Nearest);
        return;
    }
    const Shape& shape = batch->image_shape;
    const int shown = std::min(batch->count, kShownBatchImages);
    // The first channel of each image (MNIST has one).
    std::vector<RgbImage> images;
    for (int n = 0; n < shown; ++n) {
        const float* image = batch->images.data() + static_cast<std::size_t>(n) * shape.size();
        std::vector<RgbImage> one =
            plane_tiles(image, 1, shape.height, shape.width, ColourMap::Grey);
        images.push_back(std::move(one.front()));
    }
    images_.build(images, gl::ImageTexture::Filter::Nearest);
    const std::vector<RgbImage> weights = filter_tiles(batch->filters, batch->filters.weights);
    const std::vector<RgbImage> gradients = filter_tiles(batch->filters, batch->filters.gradients);
    std::vector<RgbImage> pairs;
    for (std::size_t i = 0; i < weights.size() && i < gradients.size(); ++i) {
        pairs.push_back(weights[i]);
        pairs.push_back(gradients[i]);
    }
    filters_.build(pairs, gl::ImageTexture::Filter::Nearest);
}

}  // namespace convscope
