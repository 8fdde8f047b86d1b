// Saliency and Grad-CAM of the picture a live mode shows, through the pretrained
// network, as an overlay picture the app uploads when its version changes. Core does
// the pass and the heat maps (core/nn/explanation.hpp); this keeps them per picture
// and recolours only when the overlay or its opacity changes. No GL.
#pragma once

#include <cstdint>
#include <vector>

#include "app/model/explain_state.hpp"
#include "app/model/pretrained_network.hpp"
#include "app/model/tile_pictures.hpp"
#include "core/nn/explanation.hpp"

namespace convscope {

class ExplainedPicture {
  public:
    // Draw mode: the 28x28 digit the network reads, overlaid as it is.
    void explain_digit(const PretrainedNetwork& network, const std::vector<float>& digit,
                       std::uint64_t source_version);
    // Images mode: a photo, read as a digit (core/images/digit_input.hpp); the heat is
    // mapped back onto the photo.
    void explain_photo(const PretrainedNetwork& network, const RgbImage& photo,
                       std::uint64_t source_version);
    // The version of the picture last explained (0: none): callers skip a pass when equal.
    std::uint64_t source_version() const { return source_version_; }

    // Rebuilds overlay() when `view` differs from the last one shown.
    void show(const ExplainViewState& view);
    const TilePictures& overlay() const { return overlay_; }

    bool ready() const { return source_version_ != 0; }
    int predicted_class() const { return predicted_; }
    // Grad-CAM needs a conv layer; without one only the saliency exists.
    bool has_gradcam() const { return has_gradcam_; }

  private:
    void keep(const NetworkSpec& spec, const Explanation<float>& explanation);

    Tensor base_;                            // the picture the heat is laid over (C, H, W)
    std::vector<float> saliency_, gradcam_;  // heat at base_'s size, [0, 1]
    std::vector<float> field_saliency_, field_gradcam_;  // at the network's input size
    int predicted_ = -1;
    bool has_gradcam_ = false;
    std::uint64_t source_version_ = 0;
    ExplainViewState shown_;
    bool stale_ = true;  // overlay_ does not show base_ and the heat maps yet
    TilePictures overlay_;
};

}  // namespace convscope
