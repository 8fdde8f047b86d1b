#include "app/shell/gui_options.hpp"

#include <cstdlib>

#include "app/model/quiz_state.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

constexpr int kMinSide = 320;
constexpr int kMaxSide = 8192;

// "1600x900" -> 1600, 900.
void parse_size(const std::string& text, int* width, int* height) {
    const std::string problem = "--size must be WxH with sides from " + std::to_string(kMinSide) +
                                " to " + std::to_string(kMaxSide) + " (like 1600x900), not '" +
                                text + "'";
    const size_t x = text.find('x');
    if (x == std::string::npos || x == 0 || x + 1 >= text.size()) throw InputError(problem);
    const std::string w = text.substr(0, x), h = text.substr(x + 1);
    for (const std::string& part : {w, h}) {
        if (part.size() > 5 || part.find_first_not_of("0123456789") != std::string::npos) {
            throw InputError(problem);
        }
    }
    *width = std::atoi(w.c_str());
    *height = std::atoi(h.c_str());
    if (*width < kMinSide || *width > kMaxSide || *height < kMinSide || *height > kMaxSide) {
        throw InputError(problem);
    }
}

}  // namespace

GuiOptions parse_gui_options(int argc, char** argv) {
    GuiOptions options;
    for (int i = 0; i < argc; ++i) {
        std::string argument = argv[i];
        std::string value;
        bool has_value = false;
        if (const size_t equals = argument.find('=');
            argument.rfind("--", 0) == 0 && equals != std::string::npos) {
            value = argument.substr(equals + 1);
            argument = argument.substr(0, equals);
            has_value = true;
        }
        auto take_value = [&]() -> std::string {
            if (has_value) return value;
            if (i + 1 >= argc) throw InputError(argument + " needs a value");
            return argv[++i];
        };
        if (argument == "--scene") {
            options.scene = take_value();
        } else if (argument == "--screenshot") {
            options.screenshot_path = take_value();
            if (options.screenshot_path.empty()) throw InputError("--screenshot needs a file name");
        } else if (argument == "--size") {
            parse_size(take_value(), &options.width, &options.height);
            options.size_given = true;
        } else if (argument == "--step") {
            const std::string text = take_value();
            if (text.empty() || text.size() > 6 ||
                text.find_first_not_of("0123456789") != std::string::npos) {
                throw InputError("--step must be a step number from 0, not '" + text + "'");
            }
            options.step = std::atoi(text.c_str());
        } else if (argument == "--open") {
            options.open_path = take_value();
            if (options.open_path.empty()) throw InputError("--open needs a lesson file");
        } else if (argument == "--set") {
            const std::string text = take_value();
            if (text.empty())
                throw InputError("--set needs KEY=VALUE,... (like input=7x7,stride=2)");
            options.overrides += (options.overrides.empty() ? "" : ",") + text;
        } else if (argument == "--presentation" && !has_value) {
            options.presentation = true;
        } else if (argument == "--lang") {
            const std::string text = take_value();
            options.language = parse_language(text);
            if (!options.language) {
                throw InputError("--lang '" + text + "': languages are en (English) and zh (中文)");
            }
        } else if (argument == "--theme") {
            const std::string text = take_value();
            options.theme = parse_theme(text);
            if (!options.theme)
                throw InputError("--theme '" + text + "': themes are light and dark");
        } else if (argument == "--no-settings" && !has_value) {
            options.no_settings = true;
        } else if (argument == "--board-only" && !has_value) {
            options.board_only = true;
        } else if (argument == "--all-scenes" && !has_value) {
            options.all_scenes = true;
        } else if (argument == "--screenshot-dir") {
            options.screenshot_dir = take_value();
            if (options.screenshot_dir.empty()) throw InputError("--screenshot-dir needs a folder");
        } else if (argument == "--bench-frames") {
            const std::string text = take_value();
            if (text.empty() || text.size() > 6 ||
                text.find_first_not_of("0123456789") != std::string::npos ||
                std::atoi(text.c_str()) < 1) {
                throw InputError("--bench-frames must be a frame count from 1, not '" + text + "'");
            }
            options.bench_frames = std::atoi(text.c_str());
        } else if (argument == "--quiz") {
            options.quiz = take_value();
            if (!parse_quiz_question(options.quiz))
                throw InputError("--quiz '" + options.quiz +
                                 "': questions are value, size, window");
        } else if (argument == "--answer") {
            options.answer = take_value();
        } else if (argument == "--list-scenes" && !has_value) {
            options.list_scenes = true;
        } else {
            throw InputError("unknown argument '" + std::string(argv[i]) +
                             "' (the window takes --scene NAME, --open FILE, --set K=V,..., "
                             "--step T, --lang en|zh, --theme light|dark, --no-settings, "
                             "--presentation, --board-only, --screenshot FILE.png, "
                             "--all-scenes --screenshot-dir DIR, --size WxH, --list-scenes, "
                             "--bench-frames N, --quiz value|size|window, --answer A)");
        }
    }
    if (!options.answer.empty() && options.quiz.empty() && options.scene != "quiz")
        throw InputError("--answer needs --quiz value|size|window (or --scene quiz)");
    if (options.quiz == "window" && !options.answer.empty()) {
        try {
            parse_input_cells(options.answer);
        } catch (const InputError& error) {
            throw InputError(std::string("--answer: ") + error.what());
        }
    }
    if (options.all_scenes != !options.screenshot_dir.empty()) {
        throw InputError("--all-scenes and --screenshot-dir DIR go together");
    }
    if (options.all_scenes && options.bench_frames > 0) {
        throw InputError("--bench-frames times one scene: drop --all-scenes");
    }
    if (options.all_scenes && (!options.screenshot_path.empty() || !options.scene.empty() ||
                               !options.open_path.empty() || !options.overrides.empty())) {
        throw InputError(
            "--all-scenes renders every lesson as it is: drop --scene, --open, --set and "
            "--screenshot");
    }
    if (!options.open_path.empty() && !options.scene.empty()) {
        throw InputError("--open FILE opens the lesson the file names: drop --scene");
    }
    return options;
}

}  // namespace convscope
