#include "app/gl/gl_objects.hpp"

#include <vector>

#include "app/gl/embedded_shaders.hpp"

namespace convscope::gl {

namespace {

// Deletes a shader object once it is attached and linked (the program keeps it alive).
struct ShaderObject {
    GLuint id = 0;
    ~ShaderObject() {
        if (id != 0) glDeleteShader(id);
    }
};

std::string info_log(GLuint object, bool is_program) {
    GLint length = 0;
    if (is_program) {
        glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    } else {
        glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    }
    std::vector<char> log(static_cast<size_t>(length > 1 ? length : 1), '\0');
    if (is_program) {
        glGetProgramInfoLog(object, length, nullptr, log.data());
    } else {
        glGetShaderInfoLog(object, length, nullptr, log.data());
    }
    return std::string(log.data());
}

void compile(const ShaderObject& shader, const char* name) {
    const char* source = embedded_shader(name);
    if (source == nullptr) throw GlError(std::string("no embedded shader named ") + name);
    glShaderSource(shader.id, 1, &source, nullptr);
    glCompileShader(shader.id);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.id, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        throw GlError(std::string("shader ") + name + " does not compile:\n" +
                      info_log(shader.id, false));
    }
}

}  // namespace

Buffer make_buffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer(id);
}

VertexArray make_vertex_array() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}

Framebuffer make_framebuffer() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return Framebuffer(id);
}

Renderbuffer make_renderbuffer() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return Renderbuffer(id);
}

ShaderProgram::ShaderProgram(const char* vertex_name, const char* fragment_name) {
    ShaderObject vertex{glCreateShader(GL_VERTEX_SHADER)};
    ShaderObject fragment{glCreateShader(GL_FRAGMENT_SHADER)};
    compile(vertex, vertex_name);
    compile(fragment, fragment_name);
    program_ = UniqueName<DeleteProgram>(glCreateProgram());
    glAttachShader(program_.id(), vertex.id);
    glAttachShader(program_.id(), fragment.id);
    glLinkProgram(program_.id());
    GLint ok = GL_FALSE;
    glGetProgramiv(program_.id(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        throw GlError(std::string("shaders ") + vertex_name + " + " + fragment_name +
                      " do not link:\n" + info_log(program_.id(), true));
    }
}

GLint ShaderProgram::uniform(const char* name) const {
    GLint location = glGetUniformLocation(program_.id(), name);
    if (location < 0) throw GlError(std::string("shader program has no uniform ") + name);
    return location;
}

}  // namespace convscope::gl
