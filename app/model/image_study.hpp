// Images mode's model: the user's picture, downscaled once on load, its response to a
// classic or custom kernel, and its feature maps through the pretrained network's
// convolutional layers. Everything is computed when the picture or the kernel changes,
// never per frame, into plain RGB pictures that the live modes upload when their
// version changes. No GL.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/model/pretrained_network.hpp"
#include "app/model/tile_pictures.hpp"
#include "core/images/image_kernels.hpp"
#include "core/nn/feature_tiles_job.hpp"
#include "core/nn/network_probe.hpp"
#include "core/tensor/message.hpp"

namespace convscope {

// The longest side a picture is shown and filtered at, and the side it enters the
// network at (the network learnt 28x28 digits; a few hundred pixels show its strokes).
constexpr int kStudySide = 512;
constexpr int kNetworkStudySide = 160;
// The conv layers' maps are then computed in the background on the grey photo at its own
// size up to this (as `convscope features --max-side 4096`), shown as tiles of at most
// kFullSizeTileSide pixels.
constexpr int kFullSizeSide = 4096;
constexpr int kFullSizeTileSide = 256;

class ImageStudy {
  public:
    explicit ImageStudy(std::shared_ptr<const PretrainedNetwork> pretrained);

    // Opens a file (or a dropped file). A broken or unsupported file leaves the current
    // picture and sets error() to a message naming the file and the problem (and
    // error_message() to its translatable form: shown_text(study.error_message())).
    void open(const std::string& path);
    // The same with the file read on the background job, so no frame waits for a big
    // photo's decoding: poll() applies the picture (or the error) once it is read.
    void open_in_background(const std::string& path);
    // A picture made on the job (`load` runs there): the big-photo scene's 4000x4000.
    void open_in_background(std::function<Tensor()> load, const std::string& name);
    // Takes what the background job has published since the last call: the picture, the
    // full-size maps of the conv layers as they fill in. Call once per frame.
    void poll();
    // The full-size maps' progress (0 .. 1) and whether they are still being computed.
    float full_size_progress() const { return full_size_progress_; }
    bool full_size_running() const { return static_cast<bool>(job_) && !job_done_; }
    void set_kernel(const ImageKernel& kernel);
    // Lists the pictures in assets/images and in the working folder.
    void rescan();

    bool has_image() const { return !photo_.empty(); }
    const std::string& error() const { return error_; }
    const Message& error_message() const { return error_message_; }
    const std::string& name() const { return name_; }
    int original_width() const { return original_width_; }
    int original_height() const { return original_height_; }
    const std::vector<std::string>& files() const { return files_; }
    const ImageKernel& kernel() const { return kernel_; }

    // The picture as loaded (at most kStudySide on a side) and through the kernel.
    const TilePictures& photo() const { return photo_; }
    const TilePictures& filtered() const { return filtered_; }
    // The network's convolutional layers on the picture (conv, relu, pool ...).
    int feature_layer_count() const { return static_cast<int>(feature_names_.size()); }
    const std::string& feature_name(int i) const { return feature_names_[std::size_t(i)]; }
    Shape feature_shape(int i) const { return feature_shapes_[std::size_t(i)]; }
    // One tile per channel.
    const TilePictures& features(int i) const { return features_[std::size_t(i)]; }
    // Whether layer i's maps come from the photo at full size (else at kNetworkStudySide).
    bool feature_full_size(int i) const { return full_size_[std::size_t(i)]; }
    const std::string& network_error() const { return network_error_; }
    const Message& network_error_message() const { return network_error_message_; }

  private:
    void filter();
    void compute_features();
    void show_picture(const Tensor& loaded, int original_width, int original_height);
    void start_job(std::function<Tensor()> load, bool opening, const std::string& name);

    std::shared_ptr<const PretrainedNetwork> pretrained_;
    Tensor image_;  // (C, H, W) at most kStudySide on a side
    std::string name_, error_, network_error_;
    Message error_message_, network_error_message_;  // error_ and network_error_, translatable
    int original_width_ = 0, original_height_ = 0;
    ImageKernel kernel_;
    std::vector<std::string> files_;
    TilePictures photo_, filtered_;
    std::vector<std::string> feature_names_;
    std::vector<Shape> feature_shapes_;
    std::vector<TilePictures> features_;
    std::vector<bool> full_size_;  // per layer, see feature_full_size()
    std::unique_ptr<FeatureTilesJob> job_;
    std::uint64_t job_seen_ = 0;  // the last version poll() took
    bool job_opening_ = false;    // the job reads the picture poll() will show
    bool job_done_ = false;
    std::string job_name_;
    float full_size_progress_ = 0;
};

}  // namespace convscope
