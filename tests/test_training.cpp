// Training end to end: determinism for a seed and thread count, and the smoke test
// that SimpleConvNet learns the bundled MNIST subset to at least 97% test accuracy.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "core/formats/mnist_idx.hpp"
#include "core/nn/network.hpp"
#include "core/nn/trainer.hpp"

using namespace convscope;

namespace {

const std::string kBundledMnist = CONVSCOPE_FIXTURE_DIR "/../../assets/mnist";

// GCC and Clang define these for -fsanitize=address and for -O1 and above.
#if defined(__SANITIZE_ADDRESS__) || !defined(__OPTIMIZE__)
constexpr bool kSlowBuild = true;
#else
constexpr bool kSlowBuild = false;
#endif

// The first `count` images of a dataset.
Dataset first_images(const Dataset& data, int count) {
    Dataset part = data;
    part.count = count;
    part.pixels.resize(static_cast<std::size_t>(count) * data.image_size());
    part.labels.resize(count);
    return part;
}

std::vector<float> parameters_after_training(const Dataset& data, int threads, std::uint64_t seed,
                                             int steps) {
    Network<float> network(simpleconvnet_spec(), 32, threads);
    network.initialize(seed);
    Trainer trainer(network, data, OptimizerKind::Adam, 0.001f, seed);
    for (int i = 0; i < steps; ++i) trainer.train_batch();
    return {network.parameters(), network.parameters() + network.parameter_count()};
}

}  // namespace

TEST_CASE("training is deterministic for a seed and thread count") {
    const Dataset data = first_images(load_mnist(kBundledMnist).train, 200);
    const std::vector<float> a = parameters_after_training(data, 2, 5, 8);
    CHECK(a == parameters_after_training(data, 2, 5, 8));
    CHECK(a != parameters_after_training(data, 2, 6, 8));
    // Another thread count sums the gradients in another order: close, not equal bits.
    const std::vector<float> one_thread = parameters_after_training(data, 1, 5, 8);
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, double(std::abs(a[i] - one_thread[i])));
    CHECK(worst < 1e-3);
}

TEST_CASE("an epoch visits every training image once") {
    const Dataset data = first_images(load_mnist(kBundledMnist).train, 70);
    Network<float> network(simpleconvnet_spec(), 32, 1);
    network.initialize(1);
    Trainer trainer(network, data, OptimizerKind::Sgd, 0.01f, 1);
    REQUIRE(trainer.batches_per_epoch() == 3);
    int images = 0;
    for (int i = 0; i < 3; ++i) {
        trainer.train_batch();
        images += trainer.last_batch_size();
    }
    CHECK(images == 70);
    CHECK(trainer.epoch() == 0);
    trainer.train_batch();
    CHECK(trainer.epoch() == 1);
}

TEST_CASE("the trainer steps with the rate its schedule gives") {
    const Dataset data = first_images(load_mnist(kBundledMnist).train, 64);
    Network<float> network(simpleconvnet_spec(), 32, 2);
    network.initialize(1);
    Trainer trainer(network, data, OptimizerKind::Adam, 0.002f, 1);
    trainer.set_schedule(LrDecay::Cosine, 4);
    for (long step = 0; step < 4; ++step) {
        trainer.train_batch();
        CHECK(trainer.optimizer().learning_rate() ==
              scheduled_learning_rate(LrDecay::Cosine, 0.002f, step, 4));
    }
    CHECK(trainer.optimizer().learning_rate() < 0.002f * 0.2f);
}

TEST_CASE("smoke test: simpleconvnet learns the bundled MNIST subset") {
    const MnistData mnist = load_mnist(kBundledMnist);
    // Sanitizer and unoptimised builds run a short version: still all of the training
    // code, with a bar that an untrained or broken network cannot pass (10% is chance).
    const int epochs = kSlowBuild ? 1 : 5;
    const Dataset train = kSlowBuild ? first_images(mnist.train, 2000) : mnist.train;
    const double required = kSlowBuild ? 0.80 : 0.97;

    Network<float> network(simpleconvnet_spec(), 100, 2);
    network.initialize(1);
    Trainer trainer(network, train, OptimizerKind::Adam, 0.001f, 1);
    for (int step = 0; step < epochs * trainer.batches_per_epoch(); ++step) trainer.train_batch();
    const double accuracy = evaluate_accuracy(network, mnist.test);
    MESSAGE("test accuracy after " << epochs << " epochs on " << train.count
                                   << " images: " << accuracy);
    CHECK(accuracy >= required);
}
