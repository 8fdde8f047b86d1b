// An RGB picture in a GL texture, for ImGui::Image: feature maps, kernels, photos.
// Uploaded only when its picture changes, never per frame.
#pragma once

#include "app/gl/gl_objects.hpp"
#include "core/formats/image_file.hpp"

namespace convscope::gl {

struct DeleteTexture {
    void operator()(GLuint id) const { glDeleteTextures(1, &id); }
};

class ImageTexture {
  public:
    // Nearest keeps a 24x24 map's pixels square when enlarged; Linear smooths photos.
    enum class Filter { Nearest, Linear };

    // Replaces the picture (creates the texture on first use).
    void upload(const RgbImage& image, Filter filter);

    GLuint id() const { return texture_.id(); }
    int width() const { return width_; }
    int height() const { return height_; }
    bool empty() const { return width_ == 0 || height_ == 0; }

  private:
    UniqueName<DeleteTexture> texture_;
    int width_ = 0, height_ = 0;
};

}  // namespace convscope::gl
