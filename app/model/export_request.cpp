#include "app/model/export_request.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "app/model/lesson_scene.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

std::optional<ExportFormat> export_format_named(const std::string& path) {
    const std::size_t dot = path.find_last_of('.');
    std::string extension = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == "gif") return ExportFormat::Gif;
    if (extension == "png") return ExportFormat::Png;
    if (extension == "svg") return ExportFormat::Svg;
    return std::nullopt;
}

ExportFormat export_format_of(const std::string& path) {
    if (const auto format = export_format_named(path)) return *format;
    throw InputError("cannot tell the format of '" + path +
                     "': name the file .gif (an animation), .png or .svg (one step)");
}

const char* export_extension(ExportFormat format) {
    switch (format) {
        case ExportFormat::Gif:
            return "gif";
        case ExportFormat::Png:
            return "png";
        case ExportFormat::Svg:
            return "svg";
    }
    return "gif";
}

int gif_delay_centiseconds(float fps) {
    // GIF counts in hundredths; most viewers treat delays under 2 as "as fast as possible".
    return std::max(2, static_cast<int>(std::lround(100.0f / fps)));
}

void check_export_request(const ExportRequest& request, const LessonScene& scene) {
    auto side = [](int value, const char* what) {
        if (value < kMinExportSide || value > kMaxExportSide) {
            throw InputError(std::string("export ") + what + " " + std::to_string(value) +
                             " is out of range: use " + std::to_string(kMinExportSide) + " to " +
                             std::to_string(kMaxExportSide) + " pixels");
        }
    };
    side(request.width, "width");
    side(request.height, "height");
    if (!(request.fps >= kMinExportFps && request.fps <= kMaxExportFps)) {
        throw InputError("--fps must be between 0.25 and 50 frames per second");
    }
    const int last = scene.step_count() - 1;
    if (request.first_step < 0 || request.last_step > last ||
        request.first_step > request.last_step) {
        throw InputError("steps " + std::to_string(request.first_step) + " to " +
                         std::to_string(request.last_step) + " are out of range: " +
                         scene.lesson->id + " has steps 0 to " + std::to_string(last));
    }
}

}  // namespace convscope
