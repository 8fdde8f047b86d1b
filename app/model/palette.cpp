#include "app/model/palette.hpp"

#include <algorithm>

namespace convscope {

namespace {

// Input blue, kernel orange, output teal: the three differ in lightness as well as hue,
// which is what survives a missing cone type (tests/test_colour_vision.cpp measures it).
const Palette kLight = {
    {{
        {0.94f, 0.96f, 0.99f},
        {0.42f, 0.56f, 0.88f},
        {0.10f, 0.25f, 0.60f},  // input: blue
        {1.00f, 0.96f, 0.89f},
        {0.99f, 0.76f, 0.45f},
        {0.72f, 0.36f, 0.02f},  // kernel: orange
        {0.93f, 0.98f, 0.97f},
        {0.58f, 0.87f, 0.82f},
        {0.13f, 0.55f, 0.53f},  // output: teal
        {0.96f, 0.94f, 0.99f},
        {0.72f, 0.60f, 0.88f},
        {0.40f, 0.20f, 0.62f},  // negative: purple
        {1.00f, 0.97f, 0.80f},
        {0.99f, 0.60f, 0.36f},
        {0.70f, 0.08f, 0.20f},  // heat: to crimson
    }},
    {0.925f, 0.925f, 0.935f},  // padding
    {0.82f, 0.82f, 0.84f},
    {0.29f, 0.32f, 0.37f},  // grid line
    {0.87f, 0.11f, 0.40f},  // highlight
    {0.985f, 0.985f, 0.99f},
    {28 / 255.f, 32 / 255.f, 40 / 255.f},  // ink
    {96 / 255.f, 102 / 255.f, 114 / 255.f},
    {128 / 255.f, 130 / 255.f, 138 / 255.f},
    {190 / 255.f, 24 / 255.f, 40 / 255.f},
    {0.985f, 0.985f, 0.98f},  // canvas
    {0.94f, 0.945f, 0.955f},
    {120 / 255.f, 124 / 255.f, 132 / 255.f},  // frame
    {1.0f, 1.0f, 1.0f},                       // plot
    {225 / 255.f, 228 / 255.f, 232 / 255.f},
    {200 / 255.f, 204 / 255.f, 212 / 255.f},  // slab
    {250 / 255.f, 251 / 255.f, 253 / 255.f},  // cards
    {238 / 255.f, 242 / 255.f, 248 / 255.f},
    {255 / 255.f, 232 / 255.f, 214 / 255.f},
    {200 / 255.f, 80 / 255.f, 20 / 255.f},  // loss
    {30 / 255.f, 90 / 255.f, 180 / 255.f},
    {20 / 255.f, 140 / 255.f, 80 / 255.f},
};

// For a projector in a dark room: a dark canvas, faint values dark and strong ones bright.
const Palette kDark = {
    {{
        {0.11f, 0.14f, 0.22f},
        {0.15f, 0.30f, 0.68f},
        {0.38f, 0.58f, 1.00f},  // input: blue
        {0.21f, 0.15f, 0.09f},
        {0.78f, 0.44f, 0.06f},
        {1.00f, 0.74f, 0.38f},  // kernel: orange
        {0.08f, 0.18f, 0.17f},
        {0.16f, 0.62f, 0.56f},
        {0.64f, 0.97f, 0.89f},  // output: teal
        {0.17f, 0.13f, 0.23f},
        {0.48f, 0.30f, 0.72f},
        {0.82f, 0.70f, 1.00f},  // negative: purple
        {0.20f, 0.12f, 0.10f},
        {0.78f, 0.30f, 0.16f},
        {1.00f, 0.86f, 0.45f},  // heat: to gold
    }},
    {0.17f, 0.18f, 0.20f},  // padding
    {0.26f, 0.27f, 0.30f},
    {0.46f, 0.49f, 0.55f},  // grid line
    {1.00f, 0.36f, 0.62f},  // highlight
    {0.13f, 0.14f, 0.16f},
    {0.91f, 0.92f, 0.94f},  // ink
    {0.66f, 0.69f, 0.74f},
    {0.56f, 0.58f, 0.62f},
    {1.00f, 0.45f, 0.45f},
    {0.09f, 0.10f, 0.12f},  // canvas
    {0.13f, 0.14f, 0.16f},
    {0.45f, 0.48f, 0.54f},  // frame
    {0.12f, 0.13f, 0.15f},  // plot
    {0.22f, 0.23f, 0.26f},
    {0.30f, 0.32f, 0.36f},  // slab
    {0.15f, 0.16f, 0.19f},  // cards
    {0.20f, 0.22f, 0.26f},
    {0.36f, 0.24f, 0.14f},
    {1.00f, 0.55f, 0.25f},  // loss
    {0.45f, 0.66f, 1.00f},
    {0.35f, 0.85f, 0.55f},
};

Theme& current() {
    static Theme theme = Theme::Light;
    return theme;
}

}  // namespace

const Palette& palette_for(Theme theme) {
    return theme == Theme::Dark ? kDark : kLight;
}

void use_palette(Theme theme) {
    current() = theme;
}

const Palette& current_palette() {
    return palette_for(current());
}

Theme current_theme() {
    return current();
}

Rgb map_colour(const Palette& palette, CellPalette map, float shade) {
    shade = std::clamp(shade, 0.0f, 1.0f);
    const int base = static_cast<int>(map) * kStopsPerMap;
    const float position = shade * (kStopsPerMap - 1);
    const int stop = std::min(static_cast<int>(position), kStopsPerMap - 2);
    const float t = position - static_cast<float>(stop);
    const Rgb& a = palette.map_stops[base + stop];
    const Rgb& b = palette.map_stops[base + stop + 1];
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

}  // namespace convscope
