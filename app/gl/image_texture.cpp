#include "app/gl/image_texture.hpp"

namespace convscope::gl {

void ImageTexture::upload(const RgbImage& image, Filter filter) {
    if (!texture_) {
        GLuint id = 0;
        glGenTextures(1, &id);
        texture_ = UniqueName<DeleteTexture>(id);
    }
    glBindTexture(GL_TEXTURE_2D, texture_.id());
    const GLint mode = filter == Filter::Nearest ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, mode);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, mode);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // RGB rows of odd widths are not 4-byte aligned.
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, image.width, image.height, 0, GL_RGB, GL_UNSIGNED_BYTE,
                 image.rgb.data());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glBindTexture(GL_TEXTURE_2D, 0);
    width_ = image.width;
    height_ = image.height;
}

}  // namespace convscope::gl
