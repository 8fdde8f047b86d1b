// Network mode's Save weights / Load weights: the network on screen (pretrained or
// trained) to a file and back, and a failed load (broken file, another architecture)
// that leaves the running network as it was.
#include <doctest/doctest.h>

#include <fstream>

#include "app/model/training_lab.hpp"
#include "core/formats/weights_file.hpp"
#include "temp_folder.hpp"
#include "wait_until.hpp"

using namespace convscope;
using convscope::testing::TempFolder;

namespace {

TrainingSettings quick_settings() {
    TrainingSettings settings;
    settings.batch = 20;
    settings.publish_every_batches = 1;
    settings.test_images_per_point = 50;
    return settings;
}

// Polls until the lab shows a snapshot for which `done` holds.
template <typename Done>
void wait_for(TrainingLab& lab, Done done, const char* what) {
    convscope::testing::wait_until(
        [&] {
            lab.poll();
            return done(*lab.shown());
        },
        [&] { return std::string(what); }, 300);
}

}  // namespace

TEST_CASE("the pretrained network saved, then loaded into a fresh session, is the same") {
    const auto pretrained = load_pretrained_network();
    TrainingLab lab(pretrained);
    const TrainingSettings settings = quick_settings();
    lab.ensure_ready(settings);
    TempFolder folder;
    const std::string path = folder.file("net.weights");
    lab.save_weights(path);
    const WeightsFile file = read_weights(path);
    CHECK(file.architecture == pretrained->spec.architecture());
    CHECK(file.parameters == pretrained->parameters);

    // Train a few batches so the weights differ, then load the file back.
    lab.start(settings);
    wait_for(
        lab, [](const TrainingSnapshot& s) { return s.total_batches >= 2; }, "2 batches");
    lab.pause();
    wait_for(
        lab, [](const TrainingSnapshot& s) { return s.state == TrainingState::Paused; },
        "the pause");
    CHECK(*lab.shown()->parameters != pretrained->parameters);
    lab.load_weights(path, settings);
    wait_for(
        lab,
        [&](const TrainingSnapshot& s) {
            return s.total_batches == 0 && *s.parameters == pretrained->parameters;
        },
        "the loaded weights");
    CHECK(lab.shown()->state == TrainingState::Paused);
}

TEST_CASE("a broken file or another network's weights leave the network as it was") {
    TrainingLab lab(load_pretrained_network());
    const TrainingSettings settings = quick_settings();
    lab.ensure_ready(settings);
    const std::vector<float> before = *lab.shown()->parameters;
    TempFolder folder;

    std::ofstream(folder.file("broken.weights")) << "CSWEIGHT and nothing else";
    CHECK_THROWS_AS(lab.load_weights(folder.file("broken.weights"), settings), InputError);
    CHECK_THROWS_AS(lab.load_weights(folder.file("missing.weights"), settings), InputError);

    // LeNet's weights while SimpleConvNet is chosen.
    const Network<float> lenet(network_preset("lenet"), 1, 1);
    save_weights(folder.file("lenet.weights"), lenet);
    try {
        lab.load_weights(folder.file("lenet.weights"), settings);
        FAIL("another architecture's weights were accepted");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()).find("another network") != std::string::npos);
        CHECK(std::string(error.what()).find("lenet.weights") != std::string::npos);
    }
    lab.poll();
    CHECK(lab.showing_pretrained());
    CHECK(*lab.shown()->parameters == before);
}
