// `convscope train`: trains a preset network on MNIST headless and reports loss,
// accuracies and throughput; `--out` saves the weights for `convscope eval`.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/cli/commands.hpp"
#include "app/cli/mnist_options.hpp"
#include "core/formats/mnist_idx.hpp"
#include "core/formats/weights_file.hpp"
#include "core/nn/lr_schedule.hpp"
#include "core/nn/network.hpp"
#include "core/nn/trainer.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/gemm.hpp"

namespace convscope {

namespace {

const char* kTrainHelp = R"(usage: convscope train [options]

Trains a network on MNIST: per epoch the loss, train and test accuracy and
images per second; at the end `test accuracy: 0.XXXX` and `throughput: N img/s`
(training images per second of the forward + backward + update loop).
A progress bar shows on a terminal, plain lines otherwise. Results depend only
on the seed and the thread count.

options:
      --data DIR          folder with the four MNIST IDX files, raw or .gz
                          (default: the bundled subset, assets/mnist)
      --net NAME          simpleconvnet (default) or lenet
      --epochs N          passes over the training set (default 5)
      --batch B           images per step (default 100)
      --optimizer NAME    adam (default), sgd or momentum
      --lr X              learning rate (default: adam 0.001, sgd 0.1, momentum 0.01)
      --lr-decay NAME     cosine (default: from --lr down to 0 over the run), step
                          (a tenth from half way, a hundredth from three quarters)
                          or none (constant)
      --train-images N    train on the first N training images only (default: all)
      --threads T         threads across the batch (default: all cores)
      --seed S            initialisation and shuffling seed (default 1)
      --out FILE          save the trained weights to FILE
  -h, --help              this text

example:
  convscope train --epochs 3 --out simpleconvnet.weights
)";

float parse_learning_rate(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value > 0) || !std::isfinite(value) || value > 10) {
        throw InputError("--lr: '" + text + "' must be a number above 0 and at most 10");
    }
    return static_cast<float>(value);
}

// Drops all but the first `count` images: short runs for tests and quick looks.
void keep_first_images(Dataset& data, int count) {
    data.count = count;
    data.pixels.resize(static_cast<std::size_t>(count) * data.image_size());
    data.labels.resize(count);
}

// One line, rewritten in place, while an epoch runs on a terminal.
void show_progress(int epoch, int epochs, int done, int total, double loss) {
    constexpr int kWidth = 30;
    const int filled = done * kWidth / total;
    std::printf("\repoch %d/%d [%.*s%.*s] %3d%%  loss %.4f", epoch, epochs, filled,
                "##############################", kWidth - filled, "..............................",
                done * 100 / total, loss);
    std::fflush(stdout);
}

}  // namespace

int run_train_command(const Arguments& raw) {
    const ParsedArguments args = parse_arguments(raw, {{"data", "", true},
                                                       {"net", "", true},
                                                       {"epochs", "", true},
                                                       {"batch", "", true},
                                                       {"optimizer", "", true},
                                                       {"lr", "", true},
                                                       {"lr-decay", "", true},
                                                       {"train-images", "", true},
                                                       {"threads", "", true},
                                                       {"seed", "", true},
                                                       {"out", "", true},
                                                       {"help", "h", false}});
    if (args.has("help")) {
        std::fputs(kTrainHelp, stdout);
        return 0;
    }
    const NetworkSpec spec = network_preset(args.value("net").value_or("simpleconvnet"));
    const int epochs = parse_int(args.value("epochs").value_or("5"), "--epochs", 1, 10000);
    const int batch = parse_int(args.value("batch").value_or("100"), "--batch", 1, 65536);
    const OptimizerKind optimizer = parse_optimizer_kind(args.value("optimizer").value_or("adam"));
    const float learning_rate =
        args.has("lr") ? parse_learning_rate(*args.value("lr")) : default_learning_rate(optimizer);
    const LrDecay decay = parse_lr_decay(args.value("lr-decay").value_or("cosine"));
    const int threads = threads_option(args);
    const int seed = parse_int(args.value("seed").value_or("1"), "--seed", 0, 2147483647);
    MnistData data = load_mnist(mnist_folder_option(args));
    if (auto text = args.value("train-images")) {
        keep_first_images(data.train, parse_int(*text, "--train-images", 1, data.train.count));
    }

    Network<float> network(spec, batch, threads);
    network.initialize(static_cast<std::uint64_t>(seed));
    Trainer trainer(network, data.train, optimizer, learning_rate,
                    static_cast<std::uint64_t>(seed));
    trainer.set_schedule(decay, static_cast<long>(epochs) * trainer.batches_per_epoch());
    const bool terminal = isatty(fileno(stdout));
    std::printf("%s on %s: %d training, %d test images\n", spec.name.c_str(), data.folder.c_str(),
                data.train.count, data.test.count);
    std::printf("%s\n", spec.architecture().c_str());
    std::printf("%zu parameters, %s %s decay, batch %d, %d threads, seed %d, gemm %s\n",
                network.parameter_count(), trainer.optimizer().description().c_str(),
                lr_decay_name(decay), batch, threads, seed, gemm_kernel_name());

    using Clock = std::chrono::steady_clock;
    double training_seconds = 0;
    long trained_images = 0;
    double test_accuracy = 0;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        double loss_sum = 0;
        long correct = 0, seen = 0;
        double epoch_seconds = 0;
        const int steps = trainer.batches_per_epoch();
        for (int step = 0; step < steps; ++step) {
            const Clock::time_point start = Clock::now();
            const BatchResult<float> result = trainer.train_batch();
            epoch_seconds += std::chrono::duration<double>(Clock::now() - start).count();
            loss_sum += double(result.loss) * trainer.last_batch_size();
            correct += result.correct;
            seen += trainer.last_batch_size();
            if (!std::isfinite(result.loss)) {
                throw InputError("training diverged (loss is not finite): try a smaller --lr");
            }
            if (terminal && (step % 10 == 9 || step + 1 == steps)) {
                show_progress(epoch, epochs, step + 1, steps, loss_sum / seen);
            }
        }
        training_seconds += epoch_seconds;
        trained_images += seen;
        test_accuracy = evaluate_accuracy(network, data.test);
        std::printf(
            "%sepoch %d/%d  loss %.4f  train accuracy %.4f  test accuracy %.4f  %.0f img/s\n",
            terminal ? "\r\033[K" : "", epoch, epochs, loss_sum / seen, double(correct) / seen,
            test_accuracy, seen / epoch_seconds);
        std::fflush(stdout);
    }
    if (auto out = args.value("out")) {
        save_weights(*out, network);
        std::printf("weights saved to %s\n", out->c_str());
    }
    const double images_per_second = trained_images / training_seconds;
    std::printf("compute: %.1f GFLOP/s (%.2f MFLOP per training image)\n",
                images_per_second * network.training_flops_per_image() * 1e-9,
                network.training_flops_per_image() * 1e-6);
    std::printf("test accuracy: %.4f\n", test_accuracy);
    std::printf("throughput: %.0f img/s\n", images_per_second);
    return 0;
}

}  // namespace convscope
