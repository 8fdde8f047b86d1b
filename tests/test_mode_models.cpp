// The live modes' models with no window (app/model): Images mode's ImageStudy, Draw
// mode's DigitSketch and Network mode's TrainingLab, on the bundled assets (pictures,
// the pretrained SimpleConvNet, the MNIST subset).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>

#include "app/assets/asset_paths.hpp"
#include "app/model/digit_sketch.hpp"
#include "app/model/image_study.hpp"
#include "app/model/training_lab.hpp"
#include "core/formats/image_file.hpp"
#include "temp_folder.hpp"
#include "wait_until.hpp"

using namespace convscope;

namespace {

std::shared_ptr<const PretrainedNetwork> pretrained() {
    static const std::shared_ptr<const PretrainedNetwork> network = load_pretrained_network();
    return network;
}

std::string coffee_path() {
    const std::string path = find_asset("images/coffee.png");
    REQUIRE_MESSAGE(!path.empty(), "assets/images/coffee.png is part of the repository");
    return path;
}

// Polls the lab until `done` holds for what it shows (tests/wait_until.hpp).
template <typename Done>
void wait_until(TrainingLab& lab, Done done, const char* what) {
    testing::wait_until(
        [&] {
            lab.poll();
            return done(*lab.shown());
        },
        [&] {
            return std::string(what) + "; state " + training_state_name(lab.shown()->state) + ", " +
                   std::to_string(lab.shown()->total_batches) + " batches";
        },
        300);
}

TrainingSettings quick_settings() {
    TrainingSettings settings;
    settings.batch = 20;
    settings.threads = 1;
    settings.publish_every_batches = 1;
    settings.accuracy_every_batches = 5;
    settings.test_images_per_point = 50;
    return settings;
}

// A "7" in canvas pixels (280 x 280), as the draw scene paints it.
const std::vector<CanvasStroke> kSeven = {
    {80, 70, 200, 70}, {200, 70, 150, 150}, {150, 150, 120, 225}};

}  // namespace

// ---- Images mode ------------------------------------------------------------------------

TEST_CASE("ImageStudy opens a picture, filters it and runs it through the network") {
    ImageStudy study(pretrained());
    CHECK_FALSE(study.has_image());
    const std::string path = coffee_path();
    study.open(path);
    REQUIRE(study.error().empty());
    CHECK(study.has_image());
    CHECK(study.name() == "coffee.png");
    const Tensor original = load_image(path);
    CHECK(study.original_height() == original.dim(1));
    CHECK(study.original_width() == original.dim(2));
    // Small enough to keep its size: one photo tile of the picture's own pixels.
    REQUIRE(study.photo().count() == 1);
    CHECK(study.photo().tiles()[0].rgb == render_image(original).rgb);
    CHECK(study.filtered().count() == 1);

    // SimpleConvNet's convolutional part: conv1, relu1, maxpool1, one tile per channel.
    CHECK(study.network_error().empty());
    REQUIRE(study.feature_layer_count() == 3);
    CHECK(study.feature_name(0) == "conv1");
    CHECK(study.feature_name(2) == "maxpool1");
    for (int i = 0; i < study.feature_layer_count(); ++i) {
        const Shape shape = study.feature_shape(i);
        CHECK(shape.channels == 30);
        CHECK(study.features(i).count() == shape.channels);
        CHECK(study.features(i).tile_width() == shape.width);
        CHECK(study.features(i).tile_height() == shape.height);
    }
}

TEST_CASE("a new kernel changes the filtered picture only, with a new version") {
    ImageStudy study(pretrained());
    study.open(coffee_path());
    const std::uint64_t photo = study.photo().version();
    const std::uint64_t filtered = study.filtered().version();
    const std::uint64_t features = study.features(0).version();
    const std::vector<std::uint8_t> before = study.filtered().tiles()[0].rgb;
    study.set_kernel(classic_kernels().back());
    CHECK(study.kernel().name == classic_kernels().back().name);
    CHECK(study.filtered().version() != filtered);
    CHECK(study.filtered().tiles()[0].rgb != before);
    CHECK(study.photo().version() == photo);
    CHECK(study.features(0).version() == features);
}

TEST_CASE("a broken file keeps the picture and names the file in the error") {
    convscope::testing::TempFolder folder;
    const std::string broken = folder.file("broken-picture.png");
    std::ofstream(broken) << "not a picture at all";
    ImageStudy study(pretrained());
    study.open(coffee_path());
    const std::uint64_t photo = study.photo().version();
    study.open(broken);
    CHECK(study.error().find("broken-picture.png") != std::string::npos);
    CHECK(study.has_image());
    CHECK(study.name() == "coffee.png");
    CHECK(study.photo().version() == photo);

    study.open(folder.file("missing.png"));
    CHECK(study.error().find("missing.png") != std::string::npos);
    // A good file afterwards clears the error.
    study.open(coffee_path());
    CHECK(study.error().empty());
}

TEST_CASE("ImageStudy lists the bundled pictures; without a network it says so") {
    ImageStudy study(nullptr);
    study.rescan();
    const std::vector<std::string>& files = study.files();
    CHECK(std::any_of(files.begin(), files.end(), [](const std::string& file) {
        return file.size() >= 10 && file.compare(file.size() - 10, 10, "coffee.png") == 0;
    }));
    study.open(coffee_path());
    CHECK(study.has_image());
    CHECK_FALSE(study.network_error().empty());
    CHECK(study.feature_layer_count() == 0);
}

// ---- Draw mode --------------------------------------------------------------------------

TEST_CASE("DigitSketch paints strokes and the pretrained network reads the digit") {
    DigitSketch sketch(pretrained());
    REQUIRE(sketch.has_network());
    CHECK(sketch.canvas().empty());
    const std::uint64_t blank = sketch.canvas_picture().version();
    sketch.paint({});  // no strokes: nothing recomputed
    CHECK(sketch.canvas_picture().version() == blank);

    sketch.paint(kSeven);
    CHECK_FALSE(sketch.canvas().empty());
    CHECK(sketch.canvas_picture().version() != blank);
    REQUIRE(sketch.canvas_picture().count() == 1);
    CHECK(sketch.canvas_picture().tile_width() == sketch.canvas().side());
    const NetworkActivations& a = sketch.activations();
    CHECK(a.predicted_class == 7);
    REQUIRE(a.probabilities.size() == 10);
    CHECK(std::accumulate(a.probabilities.begin(), a.probabilities.end(), 0.0f) ==
          doctest::Approx(1.0f).epsilon(1e-4));
    // Every layer as tiles, the digit as the 28x28 network input.
    CHECK(sketch.pictures().layer_count() == static_cast<int>(a.layers.size()));
    CHECK(sketch.pictures().layer(0).count() == a.layers[0].shape.channels);
    CHECK(sketch.pictures().input().tile_width() == 28);
    CHECK(sketch.pictures().flattened_input().tile_width() == 784);

    sketch.clear();
    CHECK(sketch.canvas().empty());
}

TEST_CASE("DigitSketch without a network still preprocesses the drawing") {
    DigitSketch sketch(nullptr);
    CHECK_FALSE(sketch.has_network());
    sketch.paint(kSeven);
    const NetworkActivations& a = sketch.activations();
    CHECK(a.predicted_class == -1);
    CHECK(a.layers.empty());
    REQUIRE(a.input.size() == 784);
    CHECK(*std::max_element(a.input.begin(), a.input.end()) == doctest::Approx(1.0f));
    CHECK(sketch.pictures().input().count() == 1);
}

// ---- Network mode -----------------------------------------------------------------------

TEST_CASE("TrainingLab shows the pretrained network until Start, then trains and pauses") {
    TrainingLab lab(pretrained());
    CHECK_FALSE(lab.ready());
    const TrainingSettings settings = quick_settings();
    lab.ensure_ready(settings);
    REQUIRE(lab.ready());
    CHECK(lab.showing_pretrained());
    CHECK(lab.data_name() == "bundled subset");
    CHECK(lab.spec().architecture() == pretrained()->spec.architecture());
    CHECK(lab.layers().size() == pretrained()->spec.layers.size());
    REQUIRE(lab.shown()->conv_layers.size() == 1);
    CHECK(lab.shown()->conv_layers[0].shape == std::vector<int>{30, 1, 5, 5});
    CHECK(lab.shown()->probe.predicted_class >= 0);

    lab.start(settings);
    CHECK_FALSE(lab.showing_pretrained());
    wait_until(
        lab,
        [](const TrainingSnapshot& s) {
            return s.state == TrainingState::Running && s.total_batches >= 2;
        },
        "two batches trained");
    CHECK(lab.shown()->settings.batch == settings.batch);

    lab.pause();
    wait_until(
        lab, [](const TrainingSnapshot& s) { return s.state == TrainingState::Paused; },
        "the pause");
    CHECK_FALSE(lab.showing_pretrained());
    CHECK(lab.shown()->total_batches >= 2);
}

TEST_CASE("TrainingLab refuses bad settings and a broken data folder") {
    TrainingLab lab(pretrained());
    lab.ensure_ready(quick_settings());
    TrainingSettings bad = quick_settings();
    bad.batch = 0;
    CHECK_THROWS_AS(lab.change_settings(bad), InputError);
    convscope::testing::TempFolder empty;
    CHECK_THROWS_AS(lab.use_data(empty.path()), InputError);
    CHECK(lab.showing_pretrained());  // still the pretrained network, untouched
    CHECK(lab.data_name() == "bundled subset");
}

TEST_CASE("TrainingLab without pretrained weights starts with a fresh, paused session") {
    TrainingLab lab(nullptr);
    TrainingSettings settings = quick_settings();
    settings.network = "lenet";
    lab.ensure_ready(settings);
    REQUIRE(lab.ready());
    CHECK_FALSE(lab.showing_pretrained());
    CHECK(lab.shown()->state == TrainingState::Paused);
    CHECK(lab.shown()->total_batches == 0);
    CHECK(lab.spec().name == "lenet");
    CHECK(lab.shown()->conv_layers.size() == 2);
}
