#include "app/model/image_study.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "app/assets/asset_paths.hpp"
#include "app/model/activation_tiles.hpp"
#include "app/model/translate.hpp"
#include "core/formats/image_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

bool is_picture(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".png" || extension == ".jpg" || extension == ".jpeg" ||
           extension == ".bmp" || extension == ".gif";
}

void add_pictures_in(const std::string& folder, std::vector<std::string>& files) {
    std::error_code error;
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (entry.is_regular_file(error) && is_picture(entry.path())) {
            found.push_back(entry.path().string());
        }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
}

}  // namespace

ImageStudy::ImageStudy(std::shared_ptr<const PretrainedNetwork> pretrained)
    : pretrained_(std::move(pretrained)), kernel_(classic_kernels().front()) {}

void ImageStudy::rescan() {
    files_.clear();
    const std::string assets = find_asset("images");
    if (!assets.empty()) add_pictures_in(assets, files_);
    add_pictures_in(".", files_);
}

void ImageStudy::open(const std::string& path) {
    Tensor loaded;
    try {
        loaded = load_image(path);
    } catch (const InputError& problem) {
        error_ = problem.what();
        error_message_ = problem.message();
        return;
    }
    name_ = std::filesystem::path(path).filename().string();
    show_picture(loaded, loaded.dim(2), loaded.dim(1));
    // The full-size maps: the decoded photo moves to the job.
    auto shared = std::make_shared<Tensor>(std::move(loaded));
    start_job([shared] { return std::move(*shared); }, false, name_);
}

void ImageStudy::open_in_background(const std::string& path) {
    start_job([path] { return load_image(path); }, true,
              std::filesystem::path(path).filename().string());
}

void ImageStudy::open_in_background(std::function<Tensor()> load, const std::string& name) {
    start_job(std::move(load), true, name);
}

void ImageStudy::start_job(std::function<Tensor()> load, bool opening, const std::string& name) {
    job_.reset();  // stops the previous picture's job at its next band
    FeatureTilesJob::Request request;
    request.load = std::move(load);
    if (pretrained_) {
        request.spec = pretrained_->spec;
        request.parameters = pretrained_->parameters;
    }
    request.picture_side = kStudySide;
    request.network_side = kFullSizeSide;
    request.tile_side = kFullSizeTileSide;
    job_ = std::make_unique<FeatureTilesJob>(std::move(request));
    job_seen_ = 0;
    job_opening_ = opening;
    job_done_ = false;
    job_name_ = name;
    full_size_progress_ = 0;
}

void ImageStudy::poll() {
    if (!job_) return;
    std::optional<FeatureTilesSnapshot> state = job_->newer_than(job_seen_);
    if (!state) return;
    job_seen_ = state->version;
    if (job_opening_ && (state->loaded || state->failed)) {
        job_opening_ = false;
        if (state->failed) {
            error_message_ = state->error;
            error_ = error_message_.english();
            job_.reset();
            return;
        }
        name_ = job_name_;
        show_picture(state->picture, state->original_width, state->original_height);
    }
    if (job_opening_) return;
    for (FeatureTileLayer& layer : state->layers) {
        const auto i = static_cast<std::size_t>(layer.layer);
        if (i >= features_.size() || layer.tiles.empty()) continue;
        features_[i].set(std::move(layer.tiles));
        feature_shapes_[i] = layer.shape;
        full_size_[i] = true;
    }
    full_size_progress_ = state->progress;
    job_done_ = state->done || state->failed;
}

void ImageStudy::show_picture(const Tensor& loaded, int original_width, int original_height) {
    error_.clear();
    error_message_ = Message();
    original_height_ = original_height;
    original_width_ = original_width;
    // Once, here: every later step works on the small copy.
    image_ = downscale_to_fit(loaded, kStudySide);
    photo_.set({render_image(image_)});
    filter();
    compute_features();
}

void ImageStudy::set_kernel(const ImageKernel& kernel) {
    kernel_ = kernel;
    if (has_image()) filter();
}

void ImageStudy::filter() {
    if (kernel_.signed_output) {
        // Edges have a sign; on one grey plane the diverging map shows it.
        const Tensor response = apply_kernel(to_grey(image_), kernel_.weights);
        filtered_.set(
            {render_map(response.data(), response.dim(1), response.dim(2), ColourMap::Diverging)});
    } else {
        filtered_.set({render_image(apply_kernel(image_, kernel_.weights))});
    }
}

void ImageStudy::compute_features() {
    feature_names_.clear();
    feature_shapes_.clear();
    network_error_.clear();
    network_error_message_ = Message();
    if (!pretrained_) {
        network_error_message_ = Message("no pretrained network ({path})",
                                         {{"path", "assets/weights/simpleconvnet.weights"}});
        network_error_ = network_error_message_.english();
        features_.clear();
        return;
    }
    const Tensor grey = to_grey(downscale_to_fit(image_, kNetworkStudySide));
    std::vector<LayerActivation> layers;
    try {
        layers = convolutional_features(pretrained_->spec, pretrained_->parameters.data(), grey);
    } catch (const InputError& problem) {
        network_error_ = problem.what();
        network_error_message_ = problem.message();
        features_.clear();
        return;
    }
    features_.resize(layers.size());
    full_size_.assign(layers.size(), false);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const LayerActivation& layer = layers[i];
        feature_names_.push_back(layer.name);
        feature_shapes_.push_back(layer.shape);
        features_[i].set(plane_tiles(layer.values.data(), layer.shape.channels, layer.shape.height,
                                     layer.shape.width, colour_map_for(layer.kind)));
    }
}

}  // namespace convscope
