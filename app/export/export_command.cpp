// `convscope export`: a lesson as a GIF, or one step as PNG or SVG; `--all` every lesson
// into a folder. Renders offscreen with the window's own code (needs a display; under
// ssh or CI, run it with xvfb-run).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "app/cli/argument_parser.hpp"
#include "app/cli/commands.hpp"
#include "app/export/lesson_export.hpp"
#include "app/gl/grid_renderer.hpp"
#include "app/model/lesson_start.hpp"
#include "app/model/palette.hpp"
#include "app/model/translate.hpp"
#include "app/shell/gui_window.hpp"
#include "core/formats/atomic_file.hpp"
#include "core/lessons/lessons.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kExportHelp = R"(usage: convscope export --scene NAME [options] OUT.gif|OUT.png|OUT.svg
       convscope export --all --dir DIR [--format gif|png|svg] [options]

Exports a lesson as the window draws it (the lesson view alone, as in presentation
mode): an animated GIF of its steps, or one step as PNG or as SVG (grids as shapes,
numbers and labels as text). The format comes from OUT's extension. Files are written
whole or not at all. Needs a display (under ssh or CI: xvfb-run convscope export ...).

options:
      --scene NAME           a lesson (convscope --list-scenes)
      --step T               the step to draw (PNG, SVG; default 0)
      --steps A-B            the steps of the GIF (default: all)
      --size WxH             picture size in pixels (default 800x600)
      --fps F                GIF frames per second, 0.25 to 50 (default 2)
      --lang en|zh           the language of the texts (default en)
      --theme light|dark     the colours (default light; dark suits a dark room)
      --set K=V,...          change the lesson's settings, e.g.
                             input=7x7,kernel=3,padding=same,stride=2,channels=2
      --open FILE            a lesson file saved by the window (its lesson, settings,
                             values and step); --set then changes it further
      --all                  every lesson, into --dir as LESSON.gif|png|svg
      --dir DIR              the folder for --all (made if missing)
      --format F             the format for --all (default gif)
  -h, --help                 this text

examples:
  xvfb-run convscope export --scene transposed transposed.gif
  convscope export --scene padding --step 8 --size 1200x900 padding.svg
  convscope export --all --dir slides --format gif
)";

struct Options {
    ExportRequest request;
    bool has_step = false, has_steps = false;
    std::string scene, set, open_file;
};

// "A-B" -> (A, B).
std::pair<int, int> parse_step_range(const std::string& text) {
    const std::size_t dash = text.find('-');
    if (dash == std::string::npos) {
        throw InputError("--steps wants A-B (first and last step, from 0), got '" + text + "'");
    }
    return {parse_int(text.substr(0, dash), "--steps first", 0, 1 << 20),
            parse_int(text.substr(dash + 1), "--steps last", 0, 1 << 20)};
}

float parse_fps(const std::string& text) {
    char* end = nullptr;
    const float fps = std::strtof(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(fps >= kMinExportFps && fps <= kMaxExportFps)) {
        throw InputError("--fps '" + text + "': give frames per second from 0.25 to 50");
    }
    return fps;
}

// The lesson to export: its own scene or a saved lesson file, changed by --set (checked
// as the window checks its own --open and --set).
LessonScene scene_for(const std::string& scene_id, const Options& options, int* saved_step) {
    LessonStartOptions start;
    start.scene = scene_id;
    start.open_path = options.open_file;
    start.overrides = options.set;
    const LessonState state = starting_lesson_state(start);
    *saved_step = state.step;
    return open_lesson_with(state.lesson_id, state.setup);
}

// The request with the step range the lesson and the options give.
ExportRequest request_for(const LessonScene& scene, const Options& options, int saved_step) {
    ExportRequest request = options.request;
    const int last = scene.step_count() - 1;
    if (options.has_steps) return request;  // checked against the scene by the job
    if (options.has_step || request.format != ExportFormat::Gif) {
        const int step = options.has_step ? request.first_step : std::min(saved_step, last);
        request.first_step = request.last_step = step;
        return request;
    }
    request.first_step = 0;
    request.last_step = last;
    return request;
}

std::string export_bytes(LessonRenderer& renderer, const LessonScene& scene,
                         const ExportRequest& request) {
    AppState window_state;  // the CLI's: default text size, nothing selected
    window_state.theme = current_theme();
    ExportJob job(scene, window_state, request);
    while (job.render_next(renderer)) {
    }
    return job.encode();
}

// Every lesson into a staging folder inside `dir`, then moved into place: the folder
// gets every file or, on an error, none of this run's.
void export_all(LessonRenderer& renderer, const Options& options, const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::create_directories(dir, error);
    if (error || !fs::is_directory(dir)) {
        throw InputError("cannot make the folder '" + dir +
                         "': " + (error ? error.message() : "a file of that name is in the way"));
    }
    const fs::path staging = fs::path(dir) / (".convscope-export-" + std::to_string(getpid()));
    fs::remove_all(staging, error);
    try {
        fs::create_directory(staging);
        std::vector<std::string> names;
        for (const Lesson& lesson : lessons()) {
            Options one = options;
            int saved_step = 0;
            const LessonScene scene = scene_for(lesson.id, one, &saved_step);
            const std::string name = lesson.id + "." + export_extension(options.request.format);
            write_file_atomically(
                (staging / name).string(),
                export_bytes(renderer, scene, request_for(scene, one, saved_step)), "export");
            names.push_back(name);
            std::printf("%s\n", (fs::path(dir) / name).string().c_str());
        }
        for (const std::string& name : names) fs::rename(staging / name, fs::path(dir) / name);
        fs::remove_all(staging, error);
    } catch (const fs::filesystem_error& failure) {
        fs::remove_all(staging, error);
        throw InputError("cannot write into '" + dir + "': " + failure.code().message());
    } catch (...) {
        fs::remove_all(staging, error);
        throw;
    }
}

}  // namespace

int run_export_command(const Arguments& raw) {
    const ParsedArguments args = parse_arguments(raw,
                                                 {{"scene", "", true},
                                                  {"step", "", true},
                                                  {"steps", "", true},
                                                  {"size", "", true},
                                                  {"fps", "", true},
                                                  {"lang", "", true},
                                                  {"theme", "", true},
                                                  {"set", "", true},
                                                  {"open", "", true},
                                                  {"all", "", false},
                                                  {"dir", "", true},
                                                  {"format", "", true},
                                                  {"help", "h", false}},
                                                 /*allow_positional=*/true);
    if (args.has("help")) {
        std::fputs(kExportHelp, stdout);
        return 0;
    }
    Options options;
    if (const auto lang = args.value("lang")) {
        const std::optional<Language> language = parse_language(*lang);
        if (!language) throw InputError("--lang '" + *lang + "': languages are en and zh");
        const std::string problem = use_language(*language);
        if (!problem.empty()) throw InputError("--lang " + *lang + ": " + problem);
    }
    if (const auto theme_text = args.value("theme")) {
        const std::optional<Theme> theme = parse_theme(*theme_text);
        if (!theme) throw InputError("--theme '" + *theme_text + "': themes are light and dark");
        use_palette(*theme);
    }
    if (const auto size = args.value("size")) {
        const auto [height, width] = parse_int_pair(*size, "--size", 1, 1 << 20);
        // parse_int_pair reads HxW as (first, second); --size is WxH.
        options.request.width = height;
        options.request.height = width;
    }
    if (const auto fps = args.value("fps")) {
        options.request.fps = parse_fps(*fps);
    }
    if (const auto step = args.value("step")) {
        options.has_step = true;
        options.request.first_step = options.request.last_step =
            parse_int(*step, "--step", 0, 1 << 20);
    }
    if (const auto steps = args.value("steps")) {
        if (options.has_step) throw InputError("give --step or --steps, not both");
        options.has_steps = true;
        std::tie(options.request.first_step, options.request.last_step) = parse_step_range(*steps);
    }
    options.set = args.value("set").value_or("");
    options.open_file = args.value("open").value_or("");

    std::string out, dir;
    if (args.has("all")) {
        dir = args.required("dir");
        options.request.format = export_format_of("x." + args.value("format").value_or("gif"));
        if (args.has("scene") || args.has("open")) {
            throw InputError("--all exports every lesson: drop --scene and --open");
        }
    } else {
        if (args.positionals().size() != 1) {
            throw InputError("name one output file: OUT.gif, OUT.png or OUT.svg");
        }
        out = args.positionals().front();
        options.request.format = export_format_of(out);
        if (!args.has("scene") && !args.has("open")) {
            throw InputError("name the lesson with --scene NAME (or --open FILE)");
        }
    }
    options.scene = args.value("scene").value_or("");

    int saved_step = 0;
    LessonScene scene;
    ExportRequest request = options.request;
    if (dir.empty()) {
        scene = scene_for(options.scene, options, &saved_step);
        request = request_for(scene, options, saved_step);
        check_export_request(request, scene);
    }
    try {
        GuiWindow window(request.width, request.height, /*visible=*/false);
        gl::GridRenderer cells;
        LessonRenderer renderer(cells, request.width, request.height);
        if (!dir.empty()) {
            export_all(renderer, options, dir);
            return 0;
        }
        write_file_atomically(out, export_bytes(renderer, scene, request), "export");
        std::printf("%s: %s, steps %d to %d, %dx%d\n", out.c_str(), scene.lesson->id.c_str(),
                    request.first_step, request.last_step, request.width, request.height);
    } catch (const WindowError& error) {
        std::fprintf(stderr, "convscope export: %s\n", error.what());
        return 1;
    } catch (const gl::GlError& error) {
        std::fprintf(stderr, "convscope export: OpenGL: %s\n", error.what());
        return 1;
    }
    return 0;
}

}  // namespace convscope
