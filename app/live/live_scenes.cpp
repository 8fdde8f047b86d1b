// LiveModes' screenshot scenes: which live mode each names, how it is set up, and when
// it is ready for its picture (training scenes wait for their curves).
#include <algorithm>

#include "app/assets/asset_paths.hpp"
#include "app/live/live_modes.hpp"
#include "core/formats/image_file.hpp"
#include "core/images/image_kernels.hpp"

namespace convscope {

namespace {

int kernel_index(const std::string& name) {
    const std::vector<ImageKernel>& kernels = classic_kernels();
    for (std::size_t i = 0; i < kernels.size(); ++i)
        if (kernels[i].name == name) return static_cast<int>(i);
    return 0;
}

// A "7" in canvas pixels (280 x 280): the bar, then the stem.
const std::vector<CanvasStroke> kSevenStrokes = {
    {80, 70, 200, 70}, {200, 70, 150, 150}, {150, 150, 120, 225}};

constexpr int kReadyAccuracyPoints = 2;
constexpr long kReadyDeepBatches = 30;

constexpr const char* kFileBrowserScene = "file-browser";

// The picture in `path` enlarged to side x side (each pixel the source pixel under it).
Tensor enlarged_picture(const std::string& path, int side) {
    const Tensor small = load_image(path);
    Tensor big({small.dim(0), side, side});
    const std::size_t plane = static_cast<std::size_t>(side) * side;
    for (int c = 0; c < small.dim(0); ++c) {
        const std::vector<float> values =
            resample_plane(small.data() + static_cast<std::size_t>(c) * small.dim(1) * small.dim(2),
                           small.dim(1), small.dim(2), side, side);
        std::copy(values.begin(), values.end(), big.data() + c * plane);
    }
    return big;
}

}  // namespace

// ---- scenes ---------------------------------------------------------------------------

const std::vector<std::string>& LiveModes::scene_names() {
    static const std::vector<std::string> names = {"training",
                                                   "features",
                                                   "network-receptive-field",
                                                   "draw",
                                                   "explain",
                                                   "explain-photo",
                                                   "training-slow",
                                                   "training-replay",
                                                   "network-deep",
                                                   "network-deep-training"};
    return names;
}

bool LiveModes::is_scene(const std::string& name) {
    // Not listed (the lesson tests take every other name for a lesson): the in-app file
    // browser, for screenshots of it.
    if (name == kFileBrowserScene) return true;
    // Nor the big photo's (issue 15): a 4000x4000 job, for --bench-frames and screenshots.
    if (name == "bigphoto") return true;
    for (const std::string& scene : scene_names())
        if (scene == name) return true;
    return false;
}

void LiveModes::open_scene(const std::string& name, AppState& state) {
    scene_ = name;
    if (name == "training") {
        state.mode = Mode::Network;
        LiveActions start;
        start.training = TrainingCommand::Start;
        apply(start, state);
    } else if (name == "features") {
        state.mode = Mode::Images;
        state.images.kernel = kernel_index("sobel-x");
        ensure_study();
        set_kernel(state);
    } else if (name == "bigphoto") {
        // A 4000x4000 photo (coffee.png enlarged, made on the job): its maps fill in.
        state.mode = Mode::Images;
        state.images.kernel = kernel_index("sobel-x");
        ensure_study();
        set_kernel(state);
        const std::string coffee = find_asset("images/coffee.png");
        study_->open_in_background([coffee] { return enlarged_picture(coffee, 4000); },
                                   "bigphoto-4000x4000.jpg");
    } else if (name == "network-receptive-field") {
        state.mode = Mode::Network;
        // A unit of the deepest map of the pretrained SimpleConvNet (pool1).
        state.network.unit = FeatureUnit{2, 4, 5, 6};
    } else if (name == "network-deep" || name == "network-deep-training") {
        // DeepConvNet (bundled weights, or training live): a unit of conv5 sees 24x24
        // pixels, its field lit larger in every layer below it.
        state.mode = Mode::Network;
        LiveActions pick;
        TrainingSettings settings = state.network.settings;
        settings.network = "deepconvnet";
        pick.training_settings = settings;
        if (name == "network-deep-training") pick.training = TrainingCommand::Start;
        apply(pick, state);
        state.network.unit = FeatureUnit{10, 5, 2, 3};
    } else if (name == "draw") {
        state.mode = Mode::Draw;
        ensure_sketch();
        sketch_->clear();
        sketch_->paint(kSevenStrokes);
    } else if (name == "explain") {
        // The drawn seven with Grad-CAM over what the network sees.
        open_scene("draw", state);
        state.explain.overlay = ExplainOverlay::GradCam;
        scene_ = name;
    } else if (name == "explain-photo") {
        open_scene("features", state);
        state.explain.overlay = ExplainOverlay::Saliency;
        scene_ = name;
    } else if (name == "training-slow" || name == "training-replay") {
        open_slow_scene(name, state);
    } else if (name == kFileBrowserScene) {
        // The in-app browser, as a desktop without zenity or kdialog shows it.
        state.mode = Mode::Images;
        ensure_study();
        open_browser(state.files.browser, FilePurpose::OpenImage, find_asset("images"));
    }
}

bool LiveModes::scene_ready() const {
    if (scene_ == "training-slow" || scene_ == "training-replay") return slow_scene_ready();
    if (scene_ == "features" || scene_ == "bigphoto")  // the full-size maps are done
        return study_ && !study_->full_size_running();
    const auto& shown = lab_.shown();
    // DeepConvNet trains ten times slower: a picture once its loss curve has begun.
    if (scene_ == "network-deep-training")
        return shown && !lab_.showing_pretrained() && shown->total_batches >= kReadyDeepBatches;
    if (scene_ != "training") return true;
    return shown && !lab_.showing_pretrained() &&
           static_cast<int>(shown->accuracy_history.size()) >= kReadyAccuracyPoints;
}

std::string LiveModes::training_status() const {
    const auto& s = lab_.shown();
    if (!s || lab_.showing_pretrained()) return "";
    return "training: " + std::to_string(s->loss_history.size()) + " loss points, " +
           std::to_string(s->accuracy_history.size()) + " accuracy points, epoch " +
           std::to_string(s->epoch + 1) + " batch " + std::to_string(s->batch_in_epoch) + "/" +
           std::to_string(s->batches_per_epoch) + ", " + std::to_string(s->total_batches) +
           " batches";
}

bool LiveModes::animating() const {
    return replay_playing_ || (lab_.shown() && !lab_.showing_pretrained() &&
                               lab_.shown()->state == TrainingState::Running);
}

}  // namespace convscope
