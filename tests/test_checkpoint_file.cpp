// Training checkpoints: a run stopped mid-epoch, written to a checkpoint file, read back
// into a new network and trainer, ends with exactly the weights of a run never stopped
// (same seed, same thread count: every step sees the same numbers in the same order);
// every optimizer's state goes through the file; damaged files are refused by name.
#include <doctest/doctest.h>

#include <fstream>
#include <vector>

#include "core/formats/checkpoint_file.hpp"
#include "core/nn/network.hpp"
#include "core/nn/trainer.hpp"
#include "core/tensor/check.hpp"
#include "tests/temp_folder.hpp"

using namespace convscope;
using convscope::testing::TempFolder;

namespace {

const std::string kBundledMnist = CONVSCOPE_FIXTURE_DIR "/../../assets/mnist";
constexpr int kBatch = 16;
constexpr int kImages = 40;  // 3 batches an epoch, the last one short

Dataset first_images(const Dataset& data, int count) {
    Dataset part = data;
    part.count = count;
    part.pixels.resize(static_cast<std::size_t>(count) * data.image_size());
    part.labels.resize(count);
    return part;
}

Network<float>& initialized(Network<float>& network) {
    network.initialize(7);
    return network;
}

struct Run {
    Network<float> network;
    Trainer trainer;
    Run(const Dataset& data, OptimizerKind kind, long total_steps)
        : network(simpleconvnet_spec(), kBatch, 2),
          trainer(initialized(network), data, kind, 0.01f, 7) {
        trainer.set_schedule(LrDecay::Cosine, total_steps);
    }
    std::vector<float> parameters() const {
        return {network.parameters(), network.parameters() + network.parameter_count()};
    }
};

}  // namespace

TEST_CASE("a run resumed from a checkpoint file ends with the weights of one never stopped") {
    const Dataset data = first_images(load_mnist(kBundledMnist).train, kImages);
    const TempFolder folder;
    for (OptimizerKind kind : {OptimizerKind::Adam, OptimizerKind::Momentum, OptimizerKind::Sgd}) {
        CAPTURE(optimizer_name(kind));
        constexpr int kSteps = 7, kStopAfter = 4;  // stopped inside the second epoch
        Run whole(data, kind, kSteps);
        for (int i = 0; i < kSteps; ++i) whole.trainer.train_batch();

        Run first(data, kind, kSteps);
        for (int i = 0; i < kStopAfter; ++i) first.trainer.train_batch();
        TrainingCheckpoint saved;
        saved.trainer = first.trainer.state();
        saved.parameters = first.parameters();
        saved.history = {{0.5, 0.75, 0.875, 123.0}};
        save_checkpoint(folder.file("run.checkpoint"), saved);

        const TrainingCheckpoint loaded = read_checkpoint(folder.file("run.checkpoint"));
        CHECK(loaded.history.size() == 1);
        CHECK(loaded.history[0].test_accuracy == 0.875);
        Run second(data, kind, kSteps);  // initialised afresh, then overwritten
        second.trainer.restore(loaded.trainer);
        std::copy(loaded.parameters.begin(), loaded.parameters.end(), second.network.parameters());
        CHECK(second.trainer.epoch() == 1);
        for (int i = kStopAfter; i < kSteps; ++i) second.trainer.train_batch();
        CHECK(second.parameters() == whole.parameters());  // bit for bit
        CHECK(second.parameters() != first.parameters());
    }
}

TEST_CASE("a damaged checkpoint file is refused with its name and the problem") {
    const TempFolder folder;
    TrainingCheckpoint saved;
    saved.parameters.assign(100, 0.25f);
    const std::string path = folder.file("run.checkpoint");
    save_checkpoint(path, saved);
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto write = [&](const std::string& name, const std::string& content) {
        std::ofstream(folder.file(name), std::ios::binary) << content;
        return folder.file(name);
    };
    std::string flipped = bytes;
    flipped[bytes.size() / 2] ^= 0x10;
    CHECK_THROWS_WITH_AS(read_checkpoint(write("flipped", flipped)),
                         doctest::Contains("checksum mismatch"), InputError);
    CHECK_THROWS_WITH_AS(read_checkpoint(write("cut", bytes.substr(0, bytes.size() - 9))),
                         doctest::Contains("corrupt or truncated"), InputError);
    CHECK_THROWS_WITH_AS(read_checkpoint(write("other", "CSWEIGHT and more")),
                         doctest::Contains("not a convscope training checkpoint"), InputError);
    CHECK_THROWS_WITH_AS(read_checkpoint(folder.file("none")), doctest::Contains("cannot open"),
                         InputError);
    CHECK(read_checkpoint(path).parameters == saved.parameters);
}
