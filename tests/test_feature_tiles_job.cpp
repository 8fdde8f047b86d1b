// FeatureTilesJob: the window's background job publishes the picture, then each conv
// map's tile; when done, a tile of a map that fits equals render_map of the whole forward,
// and a bad file is reported, not thrown.
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <thread>

#include "core/nn/feature_tiles_job.hpp"
#include "core/nn/network_probe.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

FeatureTilesSnapshot wait_until_done(const FeatureTilesJob& job) {
    std::uint64_t seen = 0;
    FeatureTilesSnapshot last;
    for (int i = 0; i < 6000 && !last.done; ++i) {  // at most a minute, by steps not time
        if (auto state = job.newer_than(seen)) {
            seen = state->version;
            last = std::move(*state);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    return last;
}

}  // namespace

TEST_CASE("the job publishes the picture and tiles equal to render_map of the whole forward") {
    NetworkSpec spec = simpleconvnet_spec();
    std::mt19937 rng(9);
    std::normal_distribution<float> normal(0.0f, 0.3f);
    std::vector<float> parameters(total_parameters(layer_summaries(spec)));
    for (float& v : parameters) v = normal(rng);
    Tensor picture({1, 45, 38});
    for (std::size_t i = 0; i < picture.size(); ++i) picture.data()[i] = float(i % 17) / 16.0f;

    FeatureTilesJob::Request request;
    request.load = [picture] { return picture; };
    request.spec = spec;
    request.parameters = parameters;
    request.band_budget = 1;  // a row per band
    FeatureTilesJob job(request);
    const FeatureTilesSnapshot state = wait_until_done(job);
    REQUIRE(state.done);
    CHECK(state.loaded);
    CHECK(state.original_width == 38);
    CHECK(state.original_height == 45);
    CHECK(state.progress == doctest::Approx(1.0));
    REQUIRE(state.layers.size() == 1);
    const LayerActivation conv1 = convolutional_features(spec, parameters.data(), picture).front();
    CHECK(state.layers[0].shape == conv1.shape);
    REQUIRE(state.layers[0].tiles.size() == 30u);
    for (int c = 0; c < 30; ++c) {
        const RgbImage expected =
            render_map(conv1.map(c), conv1.shape.height, conv1.shape.width, ColourMap::Diverging);
        CHECK(state.layers[0].tiles[static_cast<std::size_t>(c)].rgb == expected.rgb);
    }
}

TEST_CASE("a picture that cannot be read is reported by the job") {
    FeatureTilesJob::Request request;
    request.load = []() -> Tensor { throw InputError("image 'x.png' is empty"); };
    request.spec = simpleconvnet_spec();
    FeatureTilesJob job(request);
    const FeatureTilesSnapshot state = wait_until_done(job);
    CHECK(state.done);
    CHECK(state.failed);
    CHECK(state.error.english() == "image 'x.png' is empty");
}
