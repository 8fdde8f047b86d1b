// The contract every layer keeps (llm.c's forward/backward pairs, as classes):
//
//   forward(input (B, in), output (B, out), B)   (forward_images(): part of a batch)
//       computes the output and keeps what backward needs (a pointer to the input or
//       output, the argmax of a max pool). The caller keeps both buffers alive and
//       unchanged until backward.
//   backward(d_output (B, out), d_input (B, in) or null, B)
//       writes d loss / d input (skipped when null: nothing upstream wants it) and ADDS
//       this batch's parameter gradients into the bound gradient buffer, so slices of
//       a batch accumulate; the network zeroes the buffer before each step.
//
// Every tensor is NCHW with the batch first; a layer sees one image as a Shape.
// Parameters and gradients live in the network's two contiguous buffers: bind()
// hands a layer its slice of each (llm.c's ParameterTensors).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace convscope {

class Random;

// One image's shape: channels x height x width. A vector of n values is (n, 1, 1).
struct Shape {
    int channels = 1;
    int height = 1;
    int width = 1;

    int size() const { return channels * height * width; }
    bool operator==(const Shape& other) const {
        return channels == other.channels && height == other.height && width == other.width;
    }
    std::string text() const;  // "1x28x28"
};

// One parameter tensor, e.g. a conv weight (F, C, KH, KW). A layer lists its own with
// local names ("weight", "bias") and offsets in its slice; a network lists them all with
// full names ("conv1.weight") and offsets in its buffer, and the layer they belong to.
struct ParameterTensor {
    std::string name;
    std::vector<int> shape;
    std::size_t offset = 0;
    std::size_t count = 0;
    int layer = 0;  // index in the NetworkSpec (network lists only)
};

template <typename Real>
class Layer {
  public:
    Layer(Shape input, Shape output) : input_shape_(input), output_shape_(output) {}
    virtual ~Layer() = default;
    Layer(const Layer&) = delete;
    Layer& operator=(const Layer&) = delete;

    Shape input_shape() const { return input_shape_; }
    Shape output_shape() const { return output_shape_; }

    // The parameter tensors, in buffer order; empty for layers without parameters.
    virtual std::vector<ParameterTensor> parameter_tensors() const { return {}; }
    std::size_t parameter_count() const;

    // parameters and gradients point at this layer's slices (parameter_count() each).
    virtual void bind(const Real* /*parameters*/, Real* /*gradients*/) {}
    // He initialisation: weights N(0, 2 / fan_in), biases 0.
    virtual void initialize(Real* /*parameters*/, Random& /*random*/) const {}
    // Sizes what forward keeps for up to max_batch images; called before forward.
    virtual void reserve(int /*max_batch*/) {}

    // input (B, in) -> output (B, out)
    void forward(const Real* input, Real* output, int batch) {
        forward_images(input, output, 0, batch);
    }
    // d_output (B, out) -> d_input (B, in) unless null; parameter gradients added.
    void backward(const Real* d_output, Real* d_input, int batch) {
        backward_images(d_output, d_input, 0, batch);
    }

    // The same for images [first, first + count) of a batch, the pointers at image
    // `first`: what forward keeps, it keeps per image, so a network can run a batch in
    // chunks that stay in cache (every chunk forward, later every chunk backward).
    // first + count <= the max_batch given to reserve().
    virtual void forward_images(const Real* input, Real* output, int first, int count) = 0;
    virtual void backward_images(const Real* d_output, Real* d_input, int first, int count) = 0;

  private:
    Shape input_shape_;
    Shape output_shape_;
};

// Writes `count` weights drawn from N(0, 2 / fan_in) (He et al. 2015).
template <typename Real>
void he_normal(Real* weights, std::size_t count, int fan_in, Random& random);

}  // namespace convscope
