// Sections: construction, the frame, actions (the scenes: live_scenes.cpp).
#include "app/live/live_modes.hpp"

#include <algorithm>
#include <filesystem>

#include "app/assets/asset_paths.hpp"
#include "app/model/message_text.hpp"
#include "app/model/network_export.hpp"
#include "app/model/translate.hpp"
#include "app/panels/live_panels.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/text_wrap.hpp"
#include "core/formats/image_file.hpp"
#include "core/images/image_kernels.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// The path a message names: absolute, so where a file went is unambiguous.
std::string absolute_path(const std::string& path) {
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(path, error);
    return error ? path : absolute.lexically_normal().string();
}

}  // namespace

// ---- construction -------------------------------------------------------------------

namespace {

// Null with `error` set when the weights are missing: the window still opens.
std::shared_ptr<const PretrainedNetwork> try_loading_pretrained(std::string& error) {
    try {
        return load_pretrained_network();
    } catch (const InputError& problem) {
        error = problem.what();
        return nullptr;
    }
}

}  // namespace

LiveModes::LiveModes()
    : pretrained_(try_loading_pretrained(pretrained_error_)),
      lab_(pretrained_),
      fc_spec_(fully_connected_spec()),
      fc_layers_(layer_summaries(fc_spec_)) {}

LiveModes::~LiveModes() = default;

void LiveModes::ensure_study() {
    if (study_) return;
    study_ = std::make_unique<ImageStudy>(pretrained_);
    study_->rescan();
    for (const char* name : {"images/coffee.png", "images/chelsea.png"}) {
        const std::string path = find_asset(name);
        if (!path.empty()) {
            study_->open(path);
            break;
        }
    }
}

void LiveModes::ensure_sketch() {
    if (!sketch_) sketch_ = std::make_unique<DigitSketch>(pretrained_);
}

// ---- the frame ------------------------------------------------------------------------

void LiveModes::prepare(AppState& state) {
    switch (state.mode) {
        case Mode::Convolution:
            return;
        case Mode::Network:
            try {
                lab_.ensure_ready(state.network.settings);
            } catch (const InputError& problem) {
                state.network.message = problem.what();
                state.network.error_message = problem.message();
                return;
            }
            lab_.poll();
            prepare_slow_training(state);
            network_pictures_.update(viewed_);
            update_field(state);
            return;
        case Mode::Images:
            ensure_study();
            study_->poll();  // the background job's picture and full-size maps
            study_textures_.update(*study_);
            update_explained(state);
            return;
        case Mode::Draw:
            ensure_sketch();
            sketch_textures_.update(*sketch_);
            update_explained(state);
            return;
    }
}

void LiveModes::update_explained(const AppState& state) {
    if (!pretrained_) return;
    // One pass per new picture (a few milliseconds for a 28x28 digit), only when shown.
    const bool shown = state.explain.overlay != ExplainOverlay::None;
    if (state.mode == Mode::Images && study_->has_image()) {
        const TilePictures& photo = study_->photo();
        if (shown && photo.version() != study_explained_.source_version())
            study_explained_.explain_photo(*pretrained_, photo.tiles().front(), photo.version());
        study_explained_.show(state.explain);
        study_textures_.explained.update(study_explained_.overlay(),
                                         gl::ImageTexture::Filter::Linear);
    } else if (state.mode == Mode::Draw && !sketch_->canvas().empty()) {
        const TilePictures& canvas = sketch_->canvas_picture();
        if (shown && canvas.version() != sketch_explained_.source_version())
            sketch_explained_.explain_digit(*pretrained_, sketch_->activations().input,
                                            canvas.version());
        sketch_explained_.show(state.explain);
        sketch_textures_.explained.update(sketch_explained_.overlay(),
                                          gl::ImageTexture::Filter::Nearest);
        if (shown && canvas.version() != canvas_explained_.source_version())
            canvas_explained_.explain_photo(*pretrained_, canvas.tiles().front(), canvas.version());
        canvas_explained_.show(state.explain);
        sketch_textures_.explained_canvas.update(canvas_explained_.overlay(),
                                                 gl::ImageTexture::Filter::Linear);
    }
}

void LiveModes::update_field(const AppState& state) {
    const FeatureUnit& unit = state.network.unit;
    const std::string& architecture = lab_.shown()->architecture;
    if (unit == field_unit_ && architecture == field_architecture_) return;
    field_unit_ = unit;
    field_architecture_ = architecture;
    field_.clear();
    if (!unit.chosen()) return;
    try {
        field_ = unit_receptive_field(lab_.spec(), unit.layer, unit.y, unit.x);
    } catch (const InputError&) {
        field_.clear();  // a unit of another network's layer: nothing to light
    }
}

Actions LiveModes::draw(const AppState& state, const UiMetrics& metrics, ImVec2 position,
                        ImVec2 size) {
    switch (state.mode) {
        case Mode::Convolution:
            return {};
        case Mode::Network: {
            if (!lab_.ready()) {
                ImGui::SetNextWindowPos(position);
                ImGui::SetNextWindowSize(size);
                ImGui::Begin("##network_missing", nullptr, ImGuiWindowFlags_NoDecoration);
                wrapped_text(trf("Network mode needs MNIST data: {reason}",
                                 {{"reason", state.network.error_message.empty()
                                                 ? state.network.message
                                                 : shown_text(state.network.error_message)}})
                                 .c_str());
                ImGui::End();
                return {};
            }
            const NetworkModeView view{*viewed_,         lab_.showing_pretrained(),
                                       lab_.data_name(), lab_.spec(),
                                       lab_.layers(),    fc_spec_,
                                       fc_layers_,       network_pictures_,
                                       field_,           *lab_.shown(),
                                       batch_pictures_,  weight_sum_ ? &*weight_sum_ : nullptr};
            return draw_network_mode(view, state, metrics, position, size);
        }
        case Mode::Images:
            return draw_images_panel(*study_, study_textures_, study_explained_, state, metrics,
                                     position, size);
        case Mode::Draw:
            return draw_digit_panel(*sketch_, sketch_textures_, sketch_explained_, state.explain,
                                    metrics, position, size);
    }
    return {};
}

// ---- actions --------------------------------------------------------------------------

void LiveModes::apply(const LiveActions& actions, AppState& state) {
    // The view state (selections, fields) is already applied (apply_live_view_actions);
    // here only what needs the models.
    apply_training(actions, state);
    apply_weights(actions, state);
    apply_npy_saves(actions, lab_.shown().get(), state.network);
    if (actions.rescan_images && study_) study_->rescan();
    if (actions.open_image) open_image(*actions.open_image, state);
    if (actions.select_kernel || actions.custom_kernel) set_kernel(state);

    if (actions.clear_canvas && sketch_) sketch_->clear();
    if (!actions.strokes.empty() && sketch_) sketch_->paint(actions.strokes);
}

void LiveModes::apply_training(const LiveActions& actions, AppState& state) {
    try {
        if (actions.pace) lab_.set_pace(state.network.pace);
        if (actions.training_settings) {
            state.network.settings = *actions.training_settings;
            lab_.change_settings(state.network.settings);
            state.network.message.clear();
        }
        if (actions.load_data) {
            lab_.use_data(*actions.load_data);
            state.network.message.clear();
        }
        switch (actions.training) {
            case TrainingCommand::None:
                break;
            case TrainingCommand::Start:
                lab_.start(state.network.settings);
                state.network.message.clear();
                break;
            case TrainingCommand::Pause:
                lab_.pause();
                break;
            case TrainingCommand::Reset:
                lab_.reset(state.network.settings);
                state.network.message.clear();
                break;
            case TrainingCommand::Step:
                // The reducer switched the pace to one batch per press already.
                lab_.set_pace(state.network.pace);
                lab_.step(state.network.settings);
                state.network.message.clear();
                break;
        }
    } catch (const InputError& problem) {
        state.network.message = problem.what();
        state.network.error_message = problem.message();
    }
}

void LiveModes::apply_weights(const LiveActions& actions, AppState& state) {
    NetworkViewState& network = state.network;
    try {
        if (actions.save_weights) {
            lab_.save_weights(*actions.save_weights);
            network.weights_status = trf("Saved the weights to {path}",
                                         {{"path", absolute_path(*actions.save_weights)}});
            network.weights_failed = false;
        }
        if (actions.load_weights) {
            lab_.load_weights(*actions.load_weights, network.settings);
            network.weights_status = trf("Loaded the weights from {path}",
                                         {{"path", absolute_path(*actions.load_weights)}});
            network.weights_failed = false;
        }
    } catch (const InputError& problem) {
        // The network on screen stays as it was.
        network.weights_status = shown_text(problem.message());
        network.weights_failed = true;
    }
}

void LiveModes::open_image(const std::string& path, AppState& state) {
    ensure_study();
    study_->open_in_background(path);
    state.images.path_field = path;
}

void LiveModes::set_kernel(const AppState& state) {
    ensure_study();
    const std::vector<ImageKernel>& kernels = classic_kernels();
    const int index = state.images.kernel;
    if (index >= 0 && index < static_cast<int>(kernels.size())) {
        study_->set_kernel(kernels[static_cast<std::size_t>(index)]);
        return;
    }
    const CustomKernelValues& v = state.images.custom;
    // The images panel names it ("your 3x3 kernel") in the window's language.
    study_->set_kernel(custom_kernel(
        Tensor({kCustomKernelSide, kCustomKernelSide}, std::vector<float>(v.begin(), v.end()))));
}

}  // namespace convscope
