#include "app/model/colour_vision.hpp"

#include <algorithm>
#include <cmath>

namespace convscope {

namespace {

using Matrix = double[3][3];

// Machado et al. 2009, Table 1, severity 1.0.
constexpr Matrix kProtanopia = {{0.152286, 1.052583, -0.204868},
                                {0.114503, 0.786281, 0.099216},
                                {-0.003882, -0.048116, 1.051998}};
constexpr Matrix kDeuteranopia = {{0.367322, 0.860646, -0.227968},
                                  {0.280085, 0.672501, 0.047413},
                                  {-0.011820, 0.042940, 0.968881}};
constexpr Matrix kTritanopia = {{1.255528, -0.076749, -0.178779},
                                {-0.078411, 0.930809, 0.147602},
                                {0.004733, 0.691367, 0.303900}};

constexpr double kPi = 3.14159265358979323846;

double to_linear(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double to_srgb(double c) {
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

double degrees(double radians) {
    return radians * 180.0 / kPi;
}

double radians(double degrees) {
    return degrees * kPi / 180.0;
}

}  // namespace

Rgb simulate_colour_vision(Rgb srgb, ColourVision vision) {
    const Matrix* matrix = nullptr;
    switch (vision) {
        case ColourVision::Protanopia:
            matrix = &kProtanopia;
            break;
        case ColourVision::Deuteranopia:
            matrix = &kDeuteranopia;
            break;
        case ColourVision::Tritanopia:
            matrix = &kTritanopia;
            break;
        case ColourVision::Normal:
            return srgb;
    }
    const double in[3] = {to_linear(srgb.r), to_linear(srgb.g), to_linear(srgb.b)};
    double out[3];
    for (int row = 0; row < 3; ++row) {
        out[row] =
            (*matrix)[row][0] * in[0] + (*matrix)[row][1] * in[1] + (*matrix)[row][2] * in[2];
    }
    return {static_cast<float>(to_srgb(out[0])), static_cast<float>(to_srgb(out[1])),
            static_cast<float>(to_srgb(out[2]))};
}

Lab to_lab(Rgb srgb) {
    const double r = to_linear(srgb.r), g = to_linear(srgb.g), b = to_linear(srgb.b);
    // sRGB (D65) to XYZ, relative to the white point.
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    const auto f = [](double t) {
        constexpr double delta = 6.0 / 29.0;
        return t > delta * delta * delta ? std::cbrt(t) : t / (3 * delta * delta) + 4.0 / 29.0;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

// Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation
// notes", equations 1 to 21.
double ciede2000(const Lab& first, const Lab& second) {
    const double c1 = std::hypot(first.a, first.b), c2 = std::hypot(second.a, second.b);
    const double c_mean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(c_mean7 / (c_mean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * first.a, a2 = (1 + g) * second.a;
    const double cp1 = std::hypot(a1, first.b), cp2 = std::hypot(a2, second.b);
    const auto hue = [](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(first.b, a1), h2 = hue(second.b, a2);
    const double dl = second.l - first.l, dc = cp2 - cp1;
    double dh = 0;
    if (cp1 * cp2 != 0) {
        dh = h2 - h1;
        if (dh > 180) dh -= 360;
        if (dh < -180) dh += 360;
    }
    const double dhh = 2 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2));
    const double l_mean = (first.l + second.l) / 2, cp_mean = (cp1 + cp2) / 2;
    double h_mean = h1 + h2;
    if (cp1 * cp2 != 0) {
        if (std::fabs(h1 - h2) <= 180) {
            h_mean = (h1 + h2) / 2;
        } else {
            h_mean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        }
    }
    const double t =
        1 - 0.17 * std::cos(radians(h_mean - 30)) + 0.24 * std::cos(radians(2 * h_mean)) +
        0.32 * std::cos(radians(3 * h_mean + 6)) - 0.20 * std::cos(radians(4 * h_mean - 63));
    const double d_theta = 30 * std::exp(-std::pow((h_mean - 275) / 25, 2));
    const double cp_mean7 = std::pow(cp_mean, 7);
    const double rc = 2 * std::sqrt(cp_mean7 / (cp_mean7 + std::pow(25.0, 7)));
    const double sl =
        1 + 0.015 * std::pow(l_mean - 50, 2) / std::sqrt(20 + std::pow(l_mean - 50, 2));
    const double sc = 1 + 0.045 * cp_mean;
    const double sh = 1 + 0.015 * cp_mean * t;
    const double rt = -std::sin(radians(2 * d_theta)) * rc;
    const double tl = dl / sl, tc = dc / sc, th = dhh / sh;
    return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

double smallest_role_distance(const Palette& palette, float shade, ColourVision vision) {
    const CellPalette roles[] = {CellPalette::Input, CellPalette::Kernel, CellPalette::Output};
    Lab seen[3];
    for (int i = 0; i < 3; ++i) {
        seen[i] = to_lab(simulate_colour_vision(map_colour(palette, roles[i], shade), vision));
    }
    return std::min(
        {ciede2000(seen[0], seen[1]), ciede2000(seen[0], seen[2]), ciede2000(seen[1], seen[2])});
}

}  // namespace convscope
