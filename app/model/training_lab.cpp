#include "app/model/training_lab.hpp"

#include "app/assets/asset_paths.hpp"
#include "app/model/translate.hpp"
#include "core/formats/weights_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

std::shared_ptr<const MnistData> load_data(const std::string& folder, std::string* name) {
    std::string path = folder;
    if (path.empty()) {
        path = find_asset("mnist");
        if (path.empty()) {
            throw InputError(Message("the bundled MNIST subset (assets/mnist) was not found"));
        }
        *name = N_("bundled subset");  // translated where it is shown
    } else {
        *name = folder;
    }
    return std::make_shared<const MnistData>(load_mnist(path));
}

// What change_settings() would act on; equal settings must not restart the epoch.
bool same_training(const TrainingSettings& a, const TrainingSettings& b) {
    return a.network == b.network && a.optimizer == b.optimizer &&
           a.learning_rate == b.learning_rate && a.batch == b.batch && a.threads == b.threads;
}

std::vector<float> first_test_image(const MnistData& data) {
    std::vector<float> image(static_cast<std::size_t>(data.test.image_size()));
    data.test.image_as_floats(0, image.data());
    return image;
}

}  // namespace

TrainingLab::TrainingLab(std::shared_ptr<const PretrainedNetwork> pretrained)
    : pretrained_(std::move(pretrained)), shown_pretrained_(pretrained_) {}

TrainingLab::~TrainingLab() = default;

void TrainingLab::ensure_ready(const TrainingSettings& settings) {
    if (shown_) return;
    if (!data_) data_ = load_data("", &data_name_);
    if (shown_pretrained_ && data_->test.count > 0) {
        show_pretrained(shown_pretrained_);
    } else {
        make_session(settings);
    }
}

void TrainingLab::poll() {
    if (session_) shown_ = session_->snapshot();
    follow_architecture();
}

void TrainingLab::follow_architecture() {
    if (!shown_ || shown_->architecture == shown_architecture_) return;
    shown_architecture_ = shown_->architecture;
    spec_ = network_preset(shown_->settings.network);
    layers_ = layer_summaries(spec_);
}

std::shared_ptr<const PretrainedNetwork> TrainingLab::bundled(const std::string& network) const {
    if (pretrained_ && pretrained_->spec.name == network) return pretrained_;
    if (shown_pretrained_ && shown_pretrained_->spec.name == network) return shown_pretrained_;
    return load_bundled_network(network);
}

void TrainingLab::show_pretrained(std::shared_ptr<const PretrainedNetwork> network) {
    shown_pretrained_ = std::move(network);
    pretrained_snapshot_ = pretrained_snapshot(*shown_pretrained_, first_test_image(*data_));
    shown_ = pretrained_snapshot_;
    follow_architecture();
}

void TrainingLab::make_session(const TrainingSettings& settings) {
    session_ = std::make_unique<TrainingSession>(data_, settings);
    session_->set_pace(pace_);
    poll();
}

void TrainingLab::start(const TrainingSettings& settings) {
    ensure_ready(settings);
    if (!session_) {
        make_session(settings);
    } else if (!session_->running() && !same_training(settings, shown_->settings)) {
        session_->change_settings(settings);
    }
    session_->start();
}

void TrainingLab::set_pace(const TrainingPace& pace) {
    validate_pace(pace);
    pace_ = pace;
    if (session_) session_->set_pace(pace);
}

void TrainingLab::step(const TrainingSettings& settings) {
    ensure_ready(settings);
    if (!session_) {
        make_session(settings);
    } else if (!session_->running() && !same_training(settings, shown_->settings)) {
        session_->change_settings(settings);
    }
    session_->step();
}

void TrainingLab::pause() {
    if (session_) session_->pause();
}

void TrainingLab::reset(const TrainingSettings& settings) {
    ensure_ready(settings);
    if (!session_) {
        make_session(settings);
        return;
    }
    session_->reset(settings.seed);
    session_->change_settings(settings);
}

void TrainingLab::change_settings(const TrainingSettings& settings) {
    validate_training_settings(settings);
    // Before the first start the settings wait in the panel; a new network shows at once.
    if (!session_) {
        if (std::shared_ptr<const PretrainedNetwork> network = bundled(settings.network)) {
            if (network == shown_pretrained_ && shown_) return;
            shown_pretrained_ = network;
            if (!data_) return;  // ensure_ready() shows it
            if (data_->test.count > 0) return show_pretrained(network);
        }
        ensure_ready(settings);
        make_session(settings);
        return;
    }
    if (!same_training(settings, shown_->settings)) session_->change_settings(settings);
}

void TrainingLab::use_data(const std::string& folder) {
    std::string name;
    std::shared_ptr<const MnistData> data = load_data(folder, &name);
    if (data->test.count == 0 || data->train.count == 0) {
        throw InputError(trf("the MNIST folder '{folder}' has no images", {{"folder", folder}}));
    }
    data_ = std::move(data);
    data_name_ = name;
    if (session_) session_->change_data(data_);
    if (shown_pretrained_ && !session_) show_pretrained(shown_pretrained_);
    poll();
}

void TrainingLab::save_weights(const std::string& path) const {
    if (!shown_ || !shown_->parameters) {
        throw InputError(Message("there is no network to save yet"));
    }
    convscope::save_weights(path, shown_->architecture, shown_->parameters->data(),
                            shown_->parameters->size());
}

void TrainingLab::load_weights(const std::string& path, const TrainingSettings& settings) {
    // Read and checked whole before anything changes.
    WeightsFile file = read_weights(path);
    const std::string wanted = network_preset(settings.network).architecture();
    if (file.architecture != wanted) {
        throw InputError(
            Message("{path} holds weights for another network ({file}); choose that network first, "
                    "the one chosen is {network}",
                    {{"path", path}, {"file", file.architecture}, {"network", wanted}}));
    }
    ensure_ready(settings);
    if (!session_) make_session(settings);
    session_->load_parameters(file.architecture, std::move(file.parameters));
}

}  // namespace convscope
