#include "app/gl/grid_renderer.hpp"

#include <cstddef>

namespace convscope::gl {

namespace {

void set_colour(const ShaderProgram& program, const char* name, Rgb colour) {
    glUniform3f(program.uniform(name), colour.r, colour.g, colour.b);
}

}  // namespace

GridRenderer::GridRenderer()
    : program_("grid.vert", "grid.frag"),
      vertex_array_(make_vertex_array()),
      corners_(make_buffer()),
      instances_(make_buffer()) {
    framebuffer_size_location_ = program_.uniform("u_framebuffer_size");
    hatch_period_location_ = program_.uniform("u_hatch_period");

    program_.use();
    upload_palette();

    glBindVertexArray(vertex_array_.id());
    const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};  // a triangle strip
    glBindBuffer(GL_ARRAY_BUFFER, corners_.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);

    glBindBuffer(GL_ARRAY_BUFFER, instances_.id());
    const GLsizei stride = sizeof(CellInstance);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(CellInstance, x)));
    glVertexAttribDivisor(1, 1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(CellInstance, shade)));
    glVertexAttribDivisor(2, 1);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
}

// The theme's colours, uploaded again only when the theme changes.
void GridRenderer::upload_palette() {
    const Palette& palette = current_palette();
    uploaded_palette_ = &palette;
    glUniform3fv(program_.uniform("u_map_stops"), static_cast<GLsizei>(palette.map_stops.size()),
                 &palette.map_stops[0].r);
    set_colour(program_, "u_padding_base", palette.padding_base);
    set_colour(program_, "u_padding_hatch", palette.padding_hatch);
    set_colour(program_, "u_grid_line", palette.grid_line);
    set_colour(program_, "u_highlight", palette.highlight);
    set_colour(program_, "u_blank", palette.blank);
}

void GridRenderer::draw(const std::vector<CellInstance>& cells, int framebuffer_width,
                        int framebuffer_height, const PixelRect& clip, float hatch_period) {
    if (cells.empty() || framebuffer_width <= 0 || framebuffer_height <= 0) return;
    program_.use();
    if (uploaded_palette_ != &current_palette()) upload_palette();
    glUniform2f(framebuffer_size_location_, static_cast<float>(framebuffer_width),
                static_cast<float>(framebuffer_height));
    glUniform1f(hatch_period_location_, hatch_period);

    glBindVertexArray(vertex_array_.id());
    glBindBuffer(GL_ARRAY_BUFFER, instances_.id());
    // Orphan and refill: the driver need not wait for last frame's draw.
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(cells.size() * sizeof(CellInstance)),
                 cells.data(), GL_STREAM_DRAW);

    glDisable(GL_BLEND);  // cells are opaque
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_SCISSOR_TEST);
    // GL counts scissor rows from the bottom.
    glScissor(clip.x, framebuffer_height - (clip.y + clip.height), clip.width, clip.height);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(cells.size()));

    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

}  // namespace convscope::gl
