// Colour-vision simulation and colour distance, and the check they exist for: input,
// kernel and output cells stay distinguishable for protanopes, deuteranopes and
// tritanopes, in both themes.
#include <doctest/doctest.h>

#include <cmath>

#include "app/model/colour_vision.hpp"

using namespace convscope;

TEST_CASE("Machado 2009 severity 1.0: pure red under protanopia is the matrix's first column") {
    // Linear red (1, 0, 0) maps to (0.152286, 0.114503, -0.003882) (Machado et al.,
    // Table 1); in sRGB, clamped: 1.055 * 0.152286^(1/2.4) - 0.055 = 0.42661, ...
    const Rgb red = simulate_colour_vision({1, 0, 0}, ColourVision::Protanopia);
    CHECK(red.r == doctest::Approx(0.426608).epsilon(1e-4));
    CHECK(red.g == doctest::Approx(0.372654).epsilon(1e-4));
    CHECK(red.b == 0.0f);
    // Blue under tritanopia: (-0.178779, 0.147602, 0.303900) in linear RGB.
    const Rgb blue = simulate_colour_vision({0, 0, 1}, ColourVision::Tritanopia);
    CHECK(blue.r == 0.0f);
    CHECK(blue.g == doctest::Approx(1.055 * std::pow(0.147602, 1 / 2.4) - 0.055).epsilon(1e-4));
    // Greys stay grey: every row of each matrix sums to 1.
    for (const ColourVision vision :
         {ColourVision::Protanopia, ColourVision::Deuteranopia, ColourVision::Tritanopia}) {
        const Rgb grey = simulate_colour_vision({0.5f, 0.5f, 0.5f}, vision);
        CHECK(grey.r == doctest::Approx(0.5).epsilon(1e-3));
        CHECK(grey.g == doctest::Approx(0.5).epsilon(1e-3));
        CHECK(grey.b == doctest::Approx(0.5).epsilon(1e-3));
    }
}

TEST_CASE("CIELAB and CIEDE2000 against published values") {
    const Lab white = to_lab({1, 1, 1});
    CHECK(white.l == doctest::Approx(100).epsilon(1e-4));
    CHECK(white.a == doctest::Approx(0).epsilon(1e-3));
    const Lab red = to_lab({1, 0, 0});  // sRGB red: L* 53.24, a* 80.09, b* 67.20
    CHECK(red.l == doctest::Approx(53.24).epsilon(1e-3));
    CHECK(red.a == doctest::Approx(80.09).epsilon(1e-3));
    CHECK(red.b == doctest::Approx(67.20).epsilon(1e-3));
    // Sharma, Wu & Dalal (2005), Table 1: pairs 1, 7 and 17.
    CHECK(ciede2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) ==
          doctest::Approx(2.0425).epsilon(1e-4));
    CHECK(ciede2000({50, 0, 0}, {50, -1, 2}) == doctest::Approx(2.3669).epsilon(1e-4));
    CHECK(ciede2000({50, 2.5, 0}, {73, 25, -18}) == doctest::Approx(27.1492).epsilon(1e-4));
    CHECK(ciede2000(red, red) == 0.0);
}

TEST_CASE("input, kernel and output stay apart for colour-blind viewers, in both themes") {
    // 15 is several times a just noticeable difference (about 2.3): the roles read as
    // different colours at a glance, not only side by side.
    constexpr double kThreshold = 15;
    for (const Theme theme : {Theme::Light, Theme::Dark}) {
        for (const float shade : {0.5f, 1.0f}) {
            for (const ColourVision vision :
                 {ColourVision::Normal, ColourVision::Protanopia, ColourVision::Deuteranopia,
                  ColourVision::Tritanopia}) {
                const double distance = smallest_role_distance(palette_for(theme), shade, vision);
                MESSAGE(std::string(theme_code(theme))
                        << " shade " << shade << " vision " << static_cast<int>(vision) << ": "
                        << distance);
                CHECK(distance > kThreshold);
            }
        }
    }
}

TEST_CASE("the check can fail: the former green output is too close to orange for protanopes") {
    Palette former = palette_for(Theme::Light);
    const int output = static_cast<int>(CellPalette::Output) * kStopsPerMap;
    former.map_stops[output + 1] = {0.49f, 0.80f, 0.60f};
    former.map_stops[output + 2] = {0.06f, 0.45f, 0.27f};
    CHECK(smallest_role_distance(former, 1.0f, ColourVision::Protanopia) < 15);
    CHECK(smallest_role_distance(former, 1.0f, ColourVision::Normal) > 15);
}
