// Sections: folders, paths by kind, choices, the frame's file actions.
#include "app/model/file_actions.hpp"

#include <filesystem>

#include "app/model/message_text.hpp"
#include "app/model/translate.hpp"
#include "core/formats/npy_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace fs = std::filesystem;

// ---- folders -------------------------------------------------------------------------

std::string start_folder(const AppState& state, FileKind kind) {
    const auto last = state.last_folders.find(file_kind_id(kind));
    std::error_code error;
    if (last != state.last_folders.end() && fs::is_directory(last->second, error))
        return last->second;
    const fs::path here = fs::current_path(error);
    return error ? std::string("/") : here.string();
}

namespace {

// The folder `path` sits in, absolute.
std::string folder_of(const std::string& path) {
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error);
    return (error ? fs::path(path) : absolute).lexically_normal().parent_path().string();
}

void remember_folder(AppState& state, FileKind kind, const std::string& path) {
    if (kind == FileKind::Unknown) return;
    state.last_folders[file_kind_id(kind)] = folder_of(path);
}

void notice(AppState& state, const std::string& text, bool failed) {
    state.files.notice = text;
    state.files.notice_failed = failed;
}

std::string file_name(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    return name.empty() ? path : name;
}

// ---- paths by kind -------------------------------------------------------------------

// The lesson's input replaced by the array's values when its shape fits: the same
// count, and the same sizes once leading 1s are set aside (a 5x5 array fits (1,1,5,5)).
void use_npy_as_input(const std::string& path, AppState& state, const LessonScene& scene,
                      Actions& actions) {
    const std::vector<int>& wanted = scene.playground.input.shape();
    Tensor array;
    try {
        array = read_npy(path);
    } catch (const InputError& error) {
        notice(state, shown_text(error.message()), true);
        return;
    }
    auto without_leading_ones = [](std::vector<int> shape) {
        while (shape.size() > 1 && shape.front() == 1) shape.erase(shape.begin());
        return shape;
    };
    if (without_leading_ones(array.shape()) != without_leading_ones(wanted)) {
        notice(state,
               trf("{file} holds an array of shape {shape}; this lesson's input is {input}, so it "
                   "was not used",
                   {{"file", file_name(path)},
                    {"shape", shape_text(array.shape())},
                    {"input", shape_text(wanted)}}),
               true);
        return;
    }
    PlaygroundSetup setup = scene.playground.setup;  // the valid one, not a refused draft
    setup.input_values = array.values();
    actions.edit_setup = setup;
    actions.select_mode = Mode::Convolution;
    notice(state,
           trf("{file} is now the lesson's input {input}",
               {{"file", file_name(path)}, {"input", shape_text(wanted)}}),
           false);
}

}  // namespace

Actions actions_for_path(const std::string& path, FileKind kind, AppState& state,
                         const LessonScene& scene) {
    Actions actions;
    state.files.notice.clear();
    std::error_code error;
    if (!fs::exists(path, error)) {
        notice(state, trf("{file} was not found", {{"file", path}}), true);
        return actions;
    }
    remember_folder(state, kind, path);
    switch (kind) {
        case FileKind::Image:
            actions.select_mode = Mode::Images;
            actions.live.open_image = path;
            break;
        case FileKind::Lesson:
            actions.select_mode = Mode::Convolution;
            actions.lesson_path_field = path;
            actions.open_lesson_file = path;
            break;
        case FileKind::Weights:
            actions.select_mode = Mode::Network;
            actions.live.load_weights = path;
            break;
        case FileKind::IdxData: {
            // A folder of IDX files, or one of them: its folder holds the set.
            const std::string folder = fs::is_directory(path, error) ? path : folder_of(path);
            actions.select_mode = Mode::Network;
            actions.live.data_folder_field = folder;
            actions.live.load_data = folder;
            break;
        }
        case FileKind::Npy:
            use_npy_as_input(path, state, scene, actions);
            break;
        case FileKind::Onnx:
            notice(state,
                   trf("{file}: importing ONNX models is not built yet, so it was not opened",
                       {{"file", file_name(path)}}),
                   true);
            break;
        case FileKind::Export:
        case FileKind::Unknown:
            notice(state,
                   trf("{file} is not a file convscope opens: it takes pictures, lesson files, "
                       "network weights, MNIST IDX folders and .npy arrays",
                       {{"file", file_name(path)}}),
                   true);
            break;
    }
    return actions;
}

// ---- choices -------------------------------------------------------------------------

Actions actions_for_choice(const ChosenFile& chosen, AppState& state, const LessonScene& scene) {
    const std::string& path = chosen.path;
    if (chosen.purpose == FilePurpose::OpenAny)
        return actions_for_path(path, detect_file_kind(path), state, scene);
    if (chosen.purpose == FilePurpose::OpenImage || chosen.purpose == FilePurpose::LoadWeights)
        return actions_for_path(path, purpose_kind(chosen.purpose), state, scene);
    Actions actions;
    state.files.notice.clear();
    const FileKind kind = purpose_kind(chosen.purpose);
    // A chosen data folder: the next chooser starts beside it.
    remember_folder(state, kind, path);
    switch (chosen.purpose) {
        case FilePurpose::OpenLesson:
            actions.lesson_path_field = path;
            actions.open_lesson_file = path;
            break;
        case FilePurpose::SaveLesson:
            actions.lesson_path_field = path;
            actions.save_lesson_file = path;
            break;
        case FilePurpose::ChooseData:
            actions.live.data_folder_field = path;
            actions.live.load_data = path;
            break;
        case FilePurpose::SaveWeights:
            actions.live.save_weights = path;
            break;
        case FilePurpose::SaveFiltersNpy:
            actions.live.filters_npy_field = path;
            actions.live.save_filters_npy = true;
            break;
        case FilePurpose::SaveMapsNpy:
            actions.live.maps_npy_field = path;
            actions.live.save_maps_npy = true;
            break;
        case FilePurpose::ExportTarget: {
            ExportChoices choices = state.export_choices;
            choices.path = path;
            if (const auto format = export_format_named(path)) choices.request.format = *format;
            actions.edit_export = choices;
            break;
        }
        default:
            break;
    }
    return actions;
}

void fall_back_to_browser(AppState& state) {
    if (!state.files.waiting) return;
    const FilePurpose purpose = *state.files.waiting;
    state.files.waiting.reset();
    open_browser(state.files.browser, purpose, start_folder(state, purpose_kind(purpose)));
}

// ---- the frame's file actions --------------------------------------------------------

namespace {

void apply_browser_actions(const Actions& actions, FileBrowserState& browser) {
    if (!browser.open) return;
    if (actions.browser_filter) {
        browser.filter = *actions.browser_filter;
        browse_to(browser, browser.folder);
    }
    if (actions.browser_folder) browse_to(browser, *actions.browser_folder);
    if (actions.browser_name) browser.name = *actions.browser_name;
    if (actions.close_browser) browser.open = false;
}

ChooserCall chooser_call(FilePurpose purpose, const AppState& state) {
    const FileKind kind = purpose_kind(purpose);
    return {purpose, tr(purpose_title(purpose)), start_folder(state, kind),
            suggested_file_name(purpose), tr(file_kind_name(kind))};
}

}  // namespace

Actions with_file_actions(const Actions& actions, AppState& state, const LessonScene& scene,
                          std::optional<ChooserCall>* ask_desktop) {
    Actions all = actions;
    if (actions.dismiss_notice) state.files.notice.clear();
    apply_browser_actions(actions, state.files.browser);
    // One chooser at a time: a second "..." while one is open is ignored.
    if (actions.request_file && !state.files.waiting && !state.files.browser.open) {
        const FilePurpose purpose = *actions.request_file;
        if (state.files.desktop_tool != ChooserTool::None && ask_desktop != nullptr) {
            state.files.waiting = purpose;
            *ask_desktop = chooser_call(purpose, state);
        } else {
            open_browser(state.files.browser, purpose, start_folder(state, purpose_kind(purpose)));
        }
    }
    if (actions.chosen_file) {
        if (state.files.waiting == actions.chosen_file->purpose) state.files.waiting.reset();
        if (state.files.browser.open && state.files.browser.purpose == actions.chosen_file->purpose)
            state.files.browser.open = false;
        all.merge(actions_for_choice(*actions.chosen_file, state, scene));
    }
    if (!actions.dropped_file.empty()) {
        all.merge(actions_for_path(actions.dropped_file, detect_file_kind(actions.dropped_file),
                                   state, scene));
    }
    return all;
}

}  // namespace convscope
