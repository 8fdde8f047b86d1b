// RAII owners of OpenGL objects (DESIGN: "RAII wrappers for GL objects").
//
// Each owner deletes its object when it goes out of scope, so an early return or an
// exception never leaks GL names. Owners move but never copy: two copies would
// delete the same name twice. All of them need a current GL context.
#pragma once

#include <epoxy/gl.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace convscope::gl {

// A shader that does not compile or link: the message carries GL's info log.
class GlError : public std::runtime_error {
  public:
    explicit GlError(const std::string& message) : std::runtime_error(message) {}
};

// One GL name and the function that deletes it.
template <typename Deleter>
class UniqueName {
  public:
    UniqueName() = default;
    explicit UniqueName(GLuint id) : id_(id) {}
    ~UniqueName() { reset(); }
    UniqueName(UniqueName&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    UniqueName& operator=(UniqueName&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, 0);
        }
        return *this;
    }
    UniqueName(const UniqueName&) = delete;
    UniqueName& operator=(const UniqueName&) = delete;

    GLuint id() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    void reset() {
        if (id_ != 0) Deleter{}(id_);
        id_ = 0;
    }

  private:
    GLuint id_ = 0;
};

struct DeleteBuffer {
    void operator()(GLuint id) const { glDeleteBuffers(1, &id); }
};
struct DeleteVertexArray {
    void operator()(GLuint id) const { glDeleteVertexArrays(1, &id); }
};
struct DeleteProgram {
    void operator()(GLuint id) const { glDeleteProgram(id); }
};
struct DeleteFramebuffer {
    void operator()(GLuint id) const { glDeleteFramebuffers(1, &id); }
};
struct DeleteRenderbuffer {
    void operator()(GLuint id) const { glDeleteRenderbuffers(1, &id); }
};

using Buffer = UniqueName<DeleteBuffer>;
using VertexArray = UniqueName<DeleteVertexArray>;
using Framebuffer = UniqueName<DeleteFramebuffer>;
using Renderbuffer = UniqueName<DeleteRenderbuffer>;

Buffer make_buffer();
VertexArray make_vertex_array();
Framebuffer make_framebuffer();
Renderbuffer make_renderbuffer();

// A linked vertex + fragment program built from the embedded shaders/ sources.
class ShaderProgram {
  public:
    // Names as in shaders/ ("grid.vert", "grid.frag"). Throws GlError with the info
    // log when a source is missing, does not compile or does not link.
    ShaderProgram(const char* vertex_name, const char* fragment_name);

    GLuint id() const { return program_.id(); }
    void use() const { glUseProgram(program_.id()); }
    // The location of a uniform the shader must declare; throws GlError otherwise,
    // so a renamed uniform fails loudly at start-up rather than drawing nothing.
    GLint uniform(const char* name) const;

  private:
    UniqueName<DeleteProgram> program_;
};

}  // namespace convscope::gl
