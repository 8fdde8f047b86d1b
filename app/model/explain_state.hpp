// What the Images and Draw modes overlay on the network's input: nothing, the saliency
// or Grad-CAM (core/nn/explanation.hpp), and how strongly.
#pragma once

namespace convscope {

enum class ExplainOverlay { None, Saliency, GradCam };

struct ExplainViewState {
    ExplainOverlay overlay = ExplainOverlay::None;
    float opacity = 0.7f;  // 0: the input alone, 1: the heat colours where the heat is 1

    bool operator==(const ExplainViewState& o) const {
        return overlay == o.overlay && opacity == o.opacity;
    }
    bool operator!=(const ExplainViewState& o) const { return !(*this == o); }
};

}  // namespace convscope
