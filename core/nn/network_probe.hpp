// What a network computes for one image, layer by layer: every layer's output (the
// feature maps), the class probabilities, and the geometry to trace a unit's receptive
// field back to the input. The Network class keeps its activations private to its
// threads; this runs its own forward-only copy of the layers, built from the same
// NetworkSpec with make_layer() and reading the same parameter buffer, so the numbers
// are the network's own.
//
// Sections: naming and summaries, activations of one image, features at any image
// size, receptive fields.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/nn/network.hpp"
#include "core/nn/network_spec.hpp"
#include "core/ops/receptive_field.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

// ---- naming and summaries -----------------------------------------------------------

// "conv1", "relu2", "maxpool1", "avgpool1", "flatten1", "affine2": the layer's kind
// counted from 1, as the Network names its parameters ("conv1.weight").
std::string layer_name(const NetworkSpec& spec, int layer);

// One row of the layer stack (issue 5, "network overview").
struct LayerSummary {
    int layer = 0;
    std::string name;        // "conv1"
    std::string text;        // "conv 30@5x5 s1 p0 d1"
    std::string short_text;  // "conv 30@5x5": the settings at their defaults left out
    LayerKind kind = LayerKind::Relu;
    Shape output;                // one image's output (C, H, W)
    std::size_t parameters = 0;  // weights and biases
    bool spatial = false;        // the output is still a grid (before flatten): maps to show
};
std::vector<LayerSummary> layer_summaries(const NetworkSpec& spec);
// The weights and biases of all the rows together: the network's parameter count.
std::size_t total_parameters(const std::vector<LayerSummary>& rows);
// How many of the rows are layers of `kind`.
int layers_of_kind(const std::vector<LayerSummary>& rows, LayerKind kind);

// ---- activations of one image -------------------------------------------------------

struct LayerActivation {
    int layer = 0;
    std::string name;
    LayerKind kind = LayerKind::Relu;
    Shape shape;                // (C, H, W); (n, 1, 1) after flatten
    std::vector<float> values;  // shape.size() values, channel planes in order

    // Maps, drawn as a grid of tiles (H or W above 1); otherwise a vector of units
    // (flatten and after), drawn as one strip.
    bool is_grid() const { return shape.height > 1 || shape.width > 1; }

    // Channel c's (H, W) plane.
    const float* map(int channel) const {
        return values.data() + static_cast<std::size_t>(channel) * shape.height * shape.width;
    }
};

struct NetworkActivations {
    Shape input_shape;
    std::vector<float> input;             // the image as the network saw it
    std::vector<LayerActivation> layers;  // one per layer, in order
    std::vector<float> probabilities;     // softmax of the last layer's scores
    int predicted_class = -1;             // the most probable class
};

// A forward-only copy of a network's layers for one image at a time. Build once and
// reuse (it holds the buffers); run() may be called with any parameter buffer laid out
// for this spec. Not thread-safe: one probe per thread.
class ActivationProbe {
  public:
    // input: the image shape to accept; by default the spec's own input. A spec that
    // cannot take it (a kernel larger than the image) throws InputError.
    explicit ActivationProbe(NetworkSpec spec);
    ActivationProbe(NetworkSpec spec, Shape input);
    ~ActivationProbe();
    ActivationProbe(const ActivationProbe&) = delete;
    ActivationProbe& operator=(const ActivationProbe&) = delete;

    const NetworkSpec& spec() const { return spec_; }
    // The parameter count run() expects (equal to Network::parameter_count() when the
    // probe runs every layer).
    std::size_t parameter_count() const { return parameter_count_; }

    // image: input_shape().size() values in [0, 1]. parameters: parameter_count() values.
    NetworkActivations run(const float* parameters, const float* image);

    Shape input_shape() const;

  private:
    NetworkSpec spec_;
    std::vector<std::unique_ptr<Layer<float>>> layers_;
    std::vector<std::size_t> offsets_;  // each layer's first parameter
    std::size_t parameter_count_ = 0;
    std::vector<float> unused_gradients_;  // bind() wants a gradient slice; forward never writes it
};

// One image (spec.input.size() values) through a whole network.
NetworkActivations compute_activations(const Network<float>& network, const float* image);

// ---- features at any image size -----------------------------------------------------

// A photo through the network's convolutional part: the layers before the first
// flatten or affine layer, run on `image` (C, H, W) at its own size (convolutions do not
// care about the size; only the classifier does). C must equal spec.input.channels.
// `parameters` is the whole network's buffer; the convolutional layers' come first.
// InputError if the image is too small for a kernel or has the wrong channel count.
std::vector<LayerActivation> convolutional_features(const NetworkSpec& spec,
                                                    const float* parameters, const Tensor& image);

// ---- receptive fields ---------------------------------------------------------------

// Where a unit's receptive field lies on one layer's output (or the network input).
struct LayerField {
    int layer = -1;  // -1: the network input; otherwise the layer whose output this is
    FieldRegion region;
};

// The receptive field of unit (y, x) of `layer`'s output on the input and on the output
// of every layer up to `layer` (the last entry is the unit itself), in order. Exact
// through padding, stride, dilation and pooling (receptive_field()). InputError when the
// layer's output is not a grid (flatten and after) or (y, x) lies outside it.
std::vector<LayerField> unit_receptive_field(const NetworkSpec& spec, int layer, int y, int x);

// Whether channel `channel` of `layer`'s output (-1: the network input) lies in the
// receptive field of a unit in channel `unit_channel` of `unit_layer`'s output
// (layer <= unit_layer). A convolution (or affine layer) between them reads every
// channel of its input; pooling and ReLU keep channels apart, so without one only the
// unit's own channel does.
bool channel_in_receptive_field(const NetworkSpec& spec, int unit_layer, int unit_channel,
                                int layer, int channel);

// The conv and pool geometries of layers 0..layer, in order: what receptive_field()
// takes. Element-wise layers (ReLU) have none and are skipped.
std::vector<ConvGeometry> spatial_geometries(const NetworkSpec& spec, int layer);

}  // namespace convscope
