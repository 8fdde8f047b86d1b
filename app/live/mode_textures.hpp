// The textures Images and Draw modes draw from, kept in step with their models'
// pictures: update() uploads only the pictures whose version changed.
#pragma once

#include <vector>

#include "app/live/network_pictures.hpp"
#include "app/model/digit_sketch.hpp"
#include "app/model/image_study.hpp"
#include "app/widgets/tile_sheet.hpp"

namespace convscope {

struct ImageStudyTextures {
    TileSheet photo;
    TileSheet filtered;
    std::vector<TileSheet> features;  // index as ImageStudy::features
    TileSheet explained;              // the photo with saliency or Grad-CAM (LiveModes)

    void update(const ImageStudy& study);
};

struct DigitSketchTextures {
    TileSheet canvas;
    ActivationPictures pictures;
    TileSheet explained;         // the network's input with saliency or Grad-CAM (LiveModes)
    TileSheet explained_canvas;  // the drawing with the same heat laid back over it

    void update(const DigitSketch& sketch);
};

}  // namespace convscope
