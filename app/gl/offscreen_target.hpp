// A colour framebuffer of a fixed size to render into instead of the window, so a
// screenshot has exactly the requested size whatever the screen or window manager allows.
#pragma once

#include <cstdint>
#include <vector>

#include "app/gl/gl_objects.hpp"

namespace convscope::gl {

class OffscreenTarget {
  public:
    // Throws GlError if the driver cannot make a complete framebuffer of this size.
    OffscreenTarget(int width, int height);

    void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.id()); }
    int width() const { return width_; }
    int height() const { return height_; }

    // The pixels as RGBA8, top row first (GL reads bottom row first; this flips).
    std::vector<std::uint8_t> read_rgba_top_down() const;

  private:
    int width_;
    int height_;
    Renderbuffer colour_;
    Framebuffer framebuffer_;
};

}  // namespace convscope::gl
