#include "app/model/image_study.hpp"

#include <algorithm>
#include <filesystem>

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
    error_.clear();
    error_message_ = Message();
    name_ = std::filesystem::path(path).filename().string();
    original_height_ = loaded.dim(1);
    original_width_ = loaded.dim(2);
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
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const LayerActivation& layer = layers[i];
        feature_names_.push_back(layer.name);
        feature_shapes_.push_back(layer.shape);
        features_[i].set(plane_tiles(layer.values.data(), layer.shape.channels, layer.shape.height,
                                     layer.shape.width, colour_map_for(layer.kind)));
    }
}

}  // namespace convscope
