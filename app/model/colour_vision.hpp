// How colours look to viewers with a colour-vision deficiency, and how far apart two
// colours look: the check that the input, kernel and output hues stay distinguishable.
//
// Simulation: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for
// Simulation of Color Vision Deficiency", severity 1.0 (dichromacy), applied to linear
// RGB. Distance: CIEDE2000 between CIELAB colours (D65 white).
#pragma once

#include "app/model/palette.hpp"

namespace convscope {

enum class ColourVision { Normal, Protanopia, Deuteranopia, Tritanopia };

// sRGB in, sRGB out (each channel 0..1, clamped after the simulation).
Rgb simulate_colour_vision(Rgb srgb, ColourVision vision);

struct Lab {
    double l = 0, a = 0, b = 0;
};
Lab to_lab(Rgb srgb);

// CIEDE2000 colour difference (kL = kC = kH = 1); about 2.3 is a just noticeable difference.
double ciede2000(const Lab& first, const Lab& second);

// The smallest CIEDE2000 between the input, kernel and output colours of `palette` at
// `shade` (0.5: a typical cell; 1: the strong tone, also their text), seen with `vision`.
double smallest_role_distance(const Palette& palette, float shade, ColourVision vision);

}  // namespace convscope
