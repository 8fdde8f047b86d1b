// Draw mode's model: the canvas the mouse paints, the MNIST-style 28x28 digit made
// from it, and what the pretrained network computes for that digit, layer by layer.
// Recomputed and re-uploaded after strokes only, never on a frame without one.
#pragma once

#include <memory>
#include <vector>

#include "app/live/network_pictures.hpp"
#include "app/live/pretrained_network.hpp"
#include "app/model/live_state.hpp"
#include "core/images/digit_canvas.hpp"
#include "core/nn/network_probe.hpp"

namespace convscope {

class DigitSketch {
  public:
    // `pretrained` may be null: the canvas still works, without predictions.
    explicit DigitSketch(std::shared_ptr<const PretrainedNetwork> pretrained);
    ~DigitSketch();

    // Paints the strokes (canvas pixels) and reclassifies once for all of them.
    void paint(const std::vector<CanvasStroke>& strokes);
    void clear();

    const DigitCanvas& canvas() const { return canvas_; }
    bool has_network() const { return probe_ != nullptr; }
    const NetworkActivations& activations() const { return activations_; }
    const TileSheet& canvas_picture() const { return canvas_picture_; }
    const ActivationPictures& pictures() const { return pictures_; }

  private:
    void update();

    std::shared_ptr<const PretrainedNetwork> pretrained_;
    std::unique_ptr<ActivationProbe> probe_;
    DigitCanvas canvas_;
    NetworkActivations activations_;
    TileSheet canvas_picture_;
    ActivationPictures pictures_;
};

}  // namespace convscope
