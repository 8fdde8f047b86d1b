#version 330 core
// Colours a cell by its value through its role's colour map; padded cells grey with
// diagonal hatching; grid lines, blank cells and the window outline in flat colours.
// The map stops come from app/gl/colour_maps.hpp (uploaded as uniforms).
flat in vec4 v_style;  // shade, colour map, kind, unused

const int kStopsPerMap = 3;
const int kMapCount = 5;  // as kCellPaletteCount in colour_maps.hpp
uniform vec3 u_map_stops[kMapCount * kStopsPerMap];
uniform vec3 u_padding_base;
uniform vec3 u_padding_hatch;
uniform vec3 u_grid_line;
uniform vec3 u_highlight;
uniform vec3 u_blank;
uniform float u_hatch_period;  // pixels between hatch stripes (scales with HiDPI)

out vec4 out_colour;

// Kinds, as CellKind in app/gl/grid_renderer.hpp.
const int kValue = 0;
const int kPadding = 1;
const int kGridLine = 2;
const int kHighlight = 3;
const int kBlank = 4;

vec3 map_colour(int map, float shade) {
    float position = clamp(shade, 0.0, 1.0) * float(kStopsPerMap - 1);
    int stop = min(int(position), kStopsPerMap - 2);
    int base = map * kStopsPerMap;
    return mix(u_map_stops[base + stop], u_map_stops[base + stop + 1], position - float(stop));
}

void main() {
    int map = int(v_style.y + 0.5);
    int kind = int(v_style.z + 0.5);
    vec3 colour;
    if (kind == kValue) {
        colour = map_colour(map, v_style.x);
    } else if (kind == kPadding) {
        // Stripes along x + y, antialiased over one pixel.
        float phase = fract((gl_FragCoord.x + gl_FragCoord.y) / u_hatch_period);
        float stripe_width = 0.28;
        float edge = 1.0 / u_hatch_period;
        float in_stripe = smoothstep(0.0, edge, phase) * (1.0 - smoothstep(stripe_width, stripe_width + edge, phase));
        colour = mix(u_padding_base, u_padding_hatch, in_stripe);
    } else if (kind == kGridLine) {
        colour = u_grid_line;
    } else if (kind == kBlank) {
        colour = u_blank;
    } else {
        colour = u_highlight;
    }
    out_colour = vec4(colour, 1.0);
}
