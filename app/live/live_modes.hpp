// The three live modes behind the top bar's Network, Images and Draw: their models
// (training lab, picture study, digit sketch), the textures drawn from them, the
// scenes that open them for screenshots, and the actions their panels return.
//
// Per frame, prepare() copies the training snapshot's pointer and re-uploads pictures
// only when something changed; draw() only draws; apply() runs between frames.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/live/batch_pictures.hpp"
#include "app/live/mode_textures.hpp"
#include "app/live/network_pictures.hpp"
#include "app/model/app_state.hpp"
#include "app/model/digit_sketch.hpp"
#include "app/model/explained_picture.hpp"
#include "app/model/image_study.hpp"
#include "app/model/training_lab.hpp"
#include "app/shell/ui_metrics.hpp"
#include "imgui.h"

namespace convscope {

class LiveModes {
  public:
    LiveModes();  // needs a current GL context (textures)
    ~LiveModes();

    // The scenes --scene accepts besides the lessons (and "file-browser", unlisted).
    static const std::vector<std::string>& scene_names();
    static bool is_scene(const std::string& name);
    // Sets up scene `name` (training starts at once in "training").
    void open_scene(const std::string& name, AppState& state);
    // False while a scene waits for something worth a picture (curves to train).
    bool scene_ready() const;
    // "training: 12 loss points, 2 accuracy points, epoch 1 batch 60/200" ("" outside training).
    std::string training_status() const;
    // Whether frames should come continuously (training runs).
    bool animating() const;

    void prepare(AppState& state);
    Actions draw(const AppState& state, const UiMetrics& metrics, ImVec2 position, ImVec2 size);
    // The requests that need the models (training, pictures, the canvas), after
    // apply_actions() has applied the view state (app/model/reducer.hpp).
    void apply(const LiveActions& actions, AppState& state);
    // Opens a picture in Images mode (typed, chosen or dropped).
    void open_image(const std::string& path, AppState& state);

  private:
    void ensure_study();
    void ensure_sketch();
    void set_kernel(const AppState& state);
    void update_field(const AppState& state);
    void apply_training(const LiveActions& actions, AppState& state);
    void apply_weights(const LiveActions& actions, AppState& state);
    // Explains the shown picture again when it changed, recolours for the view.
    void update_explained(const AppState& state);
    // One-batch mode and the replay timeline (live_slow_training.cpp).
    void prepare_slow_training(AppState& state);
    void open_slow_scene(const std::string& name, AppState& state);
    bool slow_scene_ready() const;

    std::string pretrained_error_;  // before pretrained_, which fills it
    std::shared_ptr<const PretrainedNetwork> pretrained_;
    TrainingLab lab_;
    NetworkPictures network_pictures_;
    NetworkSpec fc_spec_;                  // seed 1's FC network, for comparison
    std::vector<LayerSummary> fc_layers_;  // and its layers
    std::unique_ptr<ImageStudy> study_;
    ImageStudyTextures study_textures_;
    std::unique_ptr<DigitSketch> sketch_;
    DigitSketchTextures sketch_textures_;
    // Saliency and Grad-CAM of the photo, the drawn digit's 28x28 input, the drawing.
    ExplainedPicture study_explained_, sketch_explained_, canvas_explained_;
    std::string scene_;
    // The receptive field of the chosen unit, for the architecture it was computed on.
    FeatureUnit field_unit_;
    std::string field_architecture_;
    std::vector<LayerField> field_;
    // What the Network panels show: the latest snapshot, or while replaying a copy of it
    // holding the scrubbed-to entry's filters and maps.
    std::shared_ptr<const TrainingSnapshot> viewed_;
    std::shared_ptr<const TimelineEntry> viewed_entry_;
    std::shared_ptr<const TrainingSnapshot> viewed_from_;
    BatchPictures batch_pictures_;
    std::optional<WeightGradientSum> weight_sum_;
    std::shared_ptr<const BatchInspection> weight_sum_batch_;
    WeightPick weight_sum_pick_;
    bool replay_playing_ = false;
    std::chrono::steady_clock::time_point last_replay_tick_;
};

}  // namespace convscope
