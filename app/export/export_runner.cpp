#include "app/export/export_runner.hpp"

#include <chrono>
#include <filesystem>
#include <utility>

#include "app/model/message_text.hpp"
#include "app/model/translate.hpp"
#include "core/formats/atomic_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// An InputError's translatable form; any other failure's text as it is.
Message message_of(const std::exception& error) {
    const auto* input = dynamic_cast<const InputError*>(&error);
    return input != nullptr ? input->message() : Message::verbatim(error.what());
}

}  // namespace

ExportRunner::~ExportRunner() {
    if (writer_.valid()) writer_.wait();  // never leave a half-written temporary behind
}

void ExportRunner::fail(const std::string& shown) {
    job_.reset();
    progress_.running = false;
    progress_.failed = true;
    progress_.message = shown;
    progress_.error_message = Message();
}

void ExportRunner::fail(const std::exception& error) {
    fail(shown_text(message_of(error)));
    progress_.error_message = message_of(error);
}

void ExportRunner::start(const LessonScene& scene, const AppState& state) {
    if (progress_.running) return;
    const ExportChoices& choices = state.export_choices;
    ExportRequest request = choices.request;
    // The window's own message, in the language on screen (export_format_of's is English).
    const std::optional<ExportFormat> format = export_format_named(choices.path);
    if (!format) {
        fail(
            trf("cannot tell the format of '{path}': name the file .gif (an animation), "
                ".png or .svg (one step)",
                {{"path", choices.path}}));
        return;
    }
    try {
        request.format = *format;
        if (request.format != ExportFormat::Gif) {
            request.first_step = request.last_step = state.playback.step;
        } else if (choices.all_steps) {
            request.first_step = 0;
            request.last_step = scene.step_count() - 1;
        }
        job_.emplace(scene, state, request);
        if (!renderer_ || renderer_->width() != request.width ||
            renderer_->height() != request.height) {
            renderer_.reset();
            renderer_ = std::make_unique<LessonRenderer>(cells_, request.width, request.height);
        }
    } catch (const std::exception& error) {
        fail(error);
        return;
    }
    path_ = choices.path;
    progress_ = ExportProgress{};
    progress_.running = true;
}

void ExportRunner::tick() {
    if (!progress_.running) return;
    if (job_) {
        try {
            const bool more = job_->render_next(*renderer_);
            progress_.fraction = job_->progress();
            if (more) return;
        } catch (const std::exception& error) {
            fail(error);
            return;
        }
        // Every step rendered: encode and write away from the frame loop.
        writer_ = std::async(std::launch::async, [job = std::move(*job_), path = path_]() {
            try {
                write_file_atomically(path, job.encode(), Message("export"));
                return Message();
            } catch (const std::exception& error) {
                return message_of(error);
            }
        });
        job_.reset();
        return;
    }
    if (writer_.valid() && writer_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        const Message error = writer_.get();
        progress_.running = false;
        progress_.failed = !error.empty();
        progress_.error_message = error;
        std::error_code ignored;
        const std::string where = std::filesystem::absolute(path_, ignored).string();
        progress_.message = error.empty()
                                ? trf("Saved {path}", {{"path", where.empty() ? path_ : where}})
                                : shown_text(error);
    }
}

}  // namespace convscope
