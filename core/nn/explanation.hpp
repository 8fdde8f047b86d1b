// What made a network pick a class, for one image: saliency and Grad-CAM.
//
// Both come from one forward and one backward pass of the class's score (its logit,
// before softmax) through a private copy of the layers, built from the NetworkSpec and
// reading the network's parameter buffer, as ActivationProbe does: training is
// untouched. The backward pass goes on past the first layer to the input pixels.
//
//   saliency:  d score / d input, shown as max over channels of |gradient| (Simonyan et
//              al. 2013).
//   Grad-CAM:  on the last convolutional block, A = its feature maps (after its ReLU, as
//              the paper's rectified maps), alpha_k = mean over (y, x) of d score / d A_k,
//              map = ReLU(sum_k alpha_k A_k), resized to the input (Selvaraju et al. 2017).
//
// Sections: the pass, heat maps at the input's size, the overlay picture.
#pragma once

#include <string>
#include <vector>

#include "core/formats/image_file.hpp"
#include "core/nn/network_spec.hpp"

namespace convscope {

// ---- the pass -----------------------------------------------------------------------

enum class ExplainMethod { Saliency, GradCam };
// "saliency" / "gradcam"; InputError naming the choices otherwise.
ExplainMethod explain_method_named(const std::string& name);

template <typename Real>
struct Explanation {
    int predicted_class = -1;
    int target_class = -1;  // the class whose score was explained
    std::vector<Real> logits;
    Shape input_shape;
    std::vector<Real> input_gradient;  // d score / d input (C, H, W)

    int cam_layer = -1;                 // the layer whose output is A; -1: no conv layer
    Shape cam_shape;                    // (K, h, w)
    std::vector<Real> cam_activations;  // A (K, h, w)
    std::vector<Real> cam_gradients;    // d score / d A (K, h, w)
    std::vector<Real> cam_weights;      // alpha (K)
    std::vector<Real> cam_coarse;       // ReLU(sum_k alpha_k A_k) (h, w)
};

// The layer Grad-CAM reads: the last convolution, or the ReLU right after it; -1 when
// the spec has no convolution.
int gradcam_layer(const NetworkSpec& spec);

// image: spec.input.size() values; parameters: the network's buffer. target_class -1
// explains the predicted class; otherwise 0 <= target < classes (InputError if not).
template <typename Real>
Explanation<Real> explain(const NetworkSpec& spec, const Real* parameters, const Real* image,
                          int target_class = -1);

// ---- heat maps at the input's size --------------------------------------------------

// (H, W) values in [0, 1], 1 at the largest: the saliency (max over channels of the
// gradient's magnitude), or Grad-CAM's coarse map resized to the input by placing each
// unit at its receptive field's centre and interpolating bilinearly. All zero when the
// gradient or the map is.
std::vector<float> saliency_heat(const Explanation<float>& explanation);
std::vector<float> gradcam_heat(const NetworkSpec& spec, const Explanation<float>& explanation);
std::vector<float> explanation_heat(const NetworkSpec& spec, const Explanation<float>& explanation,
                                    ExplainMethod method);

// ---- the overlay picture ------------------------------------------------------------

// A heat value in [0, 1] as a colour: dark red through orange to yellow (no white, so
// it shows on a digit's white strokes). What the window and the CLI overlay.
void heat_colour(float heat, std::uint8_t rgb[3]);

// The input (1 or 3, H, W) in grey (a photo's own colours would mix with the heat's), dimmed to 1 -
// opacity / 2 of its brightness so the colours stand out, with `heat` (H, W) blended over it: each
// pixel opacity x heat of the way to heat_colour(heat). Opacity 0 gives the input unchanged.
// Enlarged `factor` times (nearest).
RgbImage heat_overlay(const Tensor& input, const std::vector<float>& heat, float opacity,
                      int factor = 1);

}  // namespace convscope
