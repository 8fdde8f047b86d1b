// What an export writes (a GIF of steps, one step as PNG or SVG, its size and speed),
// as the Export window and `convscope export` ask for it. No GL here: the app model and
// its tests use it; app/export renders it.
#pragma once

#include <optional>
#include <string>

#include "core/tensor/message.hpp"

namespace convscope {

struct LessonScene;

enum class ExportFormat { Gif, Png, Svg };

// From the file name's extension (.gif, .png, .svg, any case); nullopt otherwise.
std::optional<ExportFormat> export_format_named(const std::string& path);
// The same; InputError (English, for the command line) otherwise.
ExportFormat export_format_of(const std::string& path);
const char* export_extension(ExportFormat format);  // "gif", ...

struct ExportRequest {
    ExportFormat format = ExportFormat::Gif;
    int first_step = 0, last_step = 0;  // inclusive; PNG and SVG draw first_step
    int width = 800, height = 600;
    float fps = 2;  // GIF frames per second
};

// The sizes and rates export accepts, and the GIF delay a rate gives.
constexpr int kMinExportSide = 64;
constexpr int kMaxExportSide = 4096;
constexpr float kMinExportFps = 0.25f;
constexpr float kMaxExportFps = 50.0f;
int gif_delay_centiseconds(float fps);

// InputError naming the bad value: sides, rate, steps outside the lesson's trace.
void check_export_request(const ExportRequest& request, const LessonScene& scene);

// The choices of the Export window: the request (its steps set when it starts) and
// where the file goes.
struct ExportChoices {
    ExportRequest request;
    bool all_steps = true;  // GIF: every step; otherwise the step on screen
    std::string path = "convscope-export.gif";
};

// How the export in progress is doing, for the Export window to show.
struct ExportProgress {
    bool running = false;
    float fraction = 0;   // of the steps rendered
    std::string message;  // where the last file went, or why it failed
    bool failed = false;
    Message error_message;  // when failed: the reason, translatable (shown_text)
};

}  // namespace convscope
