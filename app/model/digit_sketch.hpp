// Draw mode's model: the canvas the mouse paints, the MNIST-style 28x28 digit made
// from it, and what the pretrained network computes for that digit, layer by layer.
// Recomputed after strokes only, never on a frame without one; its pictures are plain
// RGB, uploaded by the live modes when their version changes. No GL.
#pragma once

#include <memory>
#include <vector>

#include "app/model/activation_tiles.hpp"
#include "app/model/live_state.hpp"
#include "app/model/pretrained_network.hpp"
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
    // The canvas as drawn (white ink on black) and every layer's activations as tiles.
    const TilePictures& canvas_picture() const { return canvas_picture_; }
    const ActivationTiles& pictures() const { return pictures_; }

  private:
    void update();

    std::shared_ptr<const PretrainedNetwork> pretrained_;
    std::unique_ptr<ActivationProbe> probe_;
    DigitCanvas canvas_;
    NetworkActivations activations_;
    TilePictures canvas_picture_;
    ActivationTiles pictures_;
};

}  // namespace convscope
