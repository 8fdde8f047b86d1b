#include "app/export/lesson_export.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "core/formats/gif_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

ExportJob::ExportJob(LessonScene scene, const AppState& window_state, ExportRequest request)
    : scene_(std::move(scene)),
      state_(window_state),
      request_(request),
      next_step_(request.first_step) {
    check_export_request(request_, scene_);
    if (request_.format != ExportFormat::Gif) request_.last_step = request_.first_step;
}

bool ExportJob::render_next(LessonRenderer& renderer) {
    if (next_step_ > request_.last_step) return false;
    const AppState state = export_state(state_, next_step_);
    if (request_.format == ExportFormat::Svg) {
        svg_ = renderer.svg(scene_, state);
    } else {
        frames_.push_back(renderer.picture(scene_, state));
    }
    ++next_step_;
    return next_step_ <= request_.last_step;
}

float ExportJob::progress() const {
    const int total = request_.last_step - request_.first_step + 1;
    return static_cast<float>(next_step_ - request_.first_step) / static_cast<float>(total);
}

std::string ExportJob::encode() const {
    switch (request_.format) {
        case ExportFormat::Gif: {
            GifOptions options;
            options.delay_centiseconds = gif_delay_centiseconds(request_.fps);
            return encode_gif(frames_, options);
        }
        case ExportFormat::Png:
            return encode_png(frames_.at(0));
        case ExportFormat::Svg:
            return svg_;
    }
    return {};
}

}  // namespace convscope
