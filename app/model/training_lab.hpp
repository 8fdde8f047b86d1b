// Network mode's model: the training data, the TrainingSession (made on the first
// Start or Reset) and, until then, the pretrained network shown as if it were a paused
// session, so kernels and feature maps are on screen from the first second.
//
// Every method returns at once: the session trains on its own thread, and poll() only
// copies the latest snapshot's pointer (DESIGN "Architecture").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/model/pretrained_network.hpp"
#include "core/nn/network_probe.hpp"
#include "core/nn/training_session.hpp"

namespace convscope {

class TrainingLab {
  public:
    // `pretrained` may be null (weights missing): the lab then starts with a fresh session.
    explicit TrainingLab(std::shared_ptr<const PretrainedNetwork> pretrained);
    ~TrainingLab();

    // Loads the bundled MNIST subset the first time; InputError if it is missing.
    void ensure_ready(const TrainingSettings& settings);
    bool ready() const { return shown_ != nullptr; }

    // Takes the latest snapshot (a pointer copy). Call once per frame.
    void poll();
    const std::shared_ptr<const TrainingSnapshot>& shown() const { return shown_; }
    bool showing_pretrained() const { return session_ == nullptr; }
    const NetworkSpec& spec() const { return spec_; }
    const std::vector<LayerSummary>& layers() const { return layers_; }
    const std::string& data_name() const { return data_name_; }

    // Requests. InputError when refused (settings while running, a broken folder).
    void start(const TrainingSettings& settings);
    void pause();
    void reset(const TrainingSettings& settings);
    void change_settings(const TrainingSettings& settings);
    void use_data(const std::string& folder);  // "" : the bundled subset
    // How fast batches come (kept for a session made later); InputError for a bad rate.
    void set_pace(const TrainingPace& pace);
    // Exactly one batch (the session made first if only the pretrained network shows).
    void step(const TrainingSettings& settings);
    // The network on screen (trained or pretrained) to `path`, atomically. InputError
    // when it cannot be written.
    void save_weights(const std::string& path) const;
    // The weights in `path` into the session (made first if only the pretrained network
    // shows), paused, histories cleared. InputError for a broken file or one saved for
    // another architecture than the chosen network's; the running net stays as it was.
    void load_weights(const std::string& path, const TrainingSettings& settings);

  private:
    void make_session(const TrainingSettings& settings);
    void follow_architecture();
    // The bundled network of that preset (pretrained_ for its own), or null.
    std::shared_ptr<const PretrainedNetwork> bundled(const std::string& network) const;
    // Shows `network` as a paused session (no session made yet).
    void show_pretrained(std::shared_ptr<const PretrainedNetwork> network);

    std::shared_ptr<const PretrainedNetwork> pretrained_;
    // The pretrained network on screen before the first session: pretrained_ or another
    // preset's bundled weights (picked in the Network combo).
    std::shared_ptr<const PretrainedNetwork> shown_pretrained_;
    std::shared_ptr<const MnistData> data_;
    std::string data_name_;
    std::shared_ptr<const TrainingSnapshot> pretrained_snapshot_;
    std::unique_ptr<TrainingSession> session_;
    std::shared_ptr<const TrainingSnapshot> shown_;
    TrainingPace pace_;
    std::string shown_architecture_;  // spec_ and layers_ were made for it
    NetworkSpec spec_;
    std::vector<LayerSummary> layers_;
};

}  // namespace convscope
