#version 330 core
// One instanced unit quad per grid cell (or grid line, or outline bar). Rectangles
// arrive in framebuffer pixels, y down, already snapped to whole pixels so every
// edge lands on a pixel boundary and lines stay crisp.
layout(location = 0) in vec2 a_corner;  // (0,0) top-left .. (1,1) bottom-right
layout(location = 1) in vec4 a_rect;    // x, y, width, height
layout(location = 2) in vec4 a_style;   // shade, colour map, kind, unused

uniform vec2 u_framebuffer_size;

flat out vec4 v_style;

void main() {
    vec2 pixel = a_rect.xy + a_corner * a_rect.zw;
    vec2 ndc = vec2(pixel.x / u_framebuffer_size.x * 2.0 - 1.0,
                    1.0 - pixel.y / u_framebuffer_size.y * 2.0);
    gl_Position = vec4(ndc, 0.0, 1.0);
    v_style = a_style;
}
