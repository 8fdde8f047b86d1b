#include "app/gl/offscreen_target.hpp"

#include <cstring>
#include <string>

namespace convscope::gl {

OffscreenTarget::OffscreenTarget(int width, int height)
    : width_(width),
      height_(height),
      colour_(make_renderbuffer()),
      framebuffer_(make_framebuffer()) {
    glBindRenderbuffer(GL_RENDERBUFFER, colour_.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_.id());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        throw GlError("cannot make a " + std::to_string(width) + "x" + std::to_string(height) +
                      " offscreen framebuffer (GL status " + std::to_string(status) + ")");
    }
}

std::vector<std::uint8_t> OffscreenTarget::read_rgba_top_down() const {
    const std::size_t row_bytes = static_cast<std::size_t>(width_) * 4;
    std::vector<std::uint8_t> bottom_up(row_bytes * static_cast<std::size_t>(height_));
    bind();
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    std::vector<std::uint8_t> top_down(bottom_up.size());
    for (int row = 0; row < height_; ++row) {
        std::memcpy(&top_down[row_bytes * static_cast<std::size_t>(row)],
                    &bottom_up[row_bytes * static_cast<std::size_t>(height_ - 1 - row)], row_bytes);
    }
    return top_down;
}

}  // namespace convscope::gl
