// `convscope train`: trains a preset network on MNIST headless and reports loss,
// accuracies and throughput; `--out` saves the weights for `convscope eval`; a checkpoint
// after every epoch (and on Ctrl+C) lets `--resume` go on after an interruption.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/cli/commands.hpp"
#include "app/cli/mnist_options.hpp"
#include "app/cli/train_loop.hpp"
#include "core/formats/checkpoint_file.hpp"
#include "core/formats/mnist_idx.hpp"
#include "core/nn/lr_schedule.hpp"
#include "core/nn/network.hpp"
#include "core/nn/trainer.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/gemm.hpp"

namespace convscope {

namespace {

const char* kTrainHelp = R"(usage: convscope train [options]
       convscope train --resume FILE [--data DIR] [--threads T] [--out FILE]

Trains a network on MNIST: per epoch the loss, train and test accuracy and
images per second; at the end `test accuracy: 0.XXXX` and `throughput: N img/s`
(training images per second of the forward + backward + update loop).
A progress bar shows on a terminal, plain lines otherwise. Results depend only
on the seed and the thread count.

options:
      --data DIR          folder with the four MNIST IDX files, raw or .gz
                          (default: the bundled subset, assets/mnist)
      --net NAME          simpleconvnet (default), lenet or deepconvnet
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
      --out FILE          save the trained weights to FILE at the end
      --checkpoint FILE   where the checkpoint goes (default: FILE.checkpoint beside
                          --out's FILE; none without --out or --checkpoint)
      --resume FILE       go on from a checkpoint: the run's settings come from it
                          (options given must agree); the same weights as a run
                          never stopped, given the same --threads
      --stop-after-epoch N  stop after epoch N with a checkpoint, to go on later
  -h, --help              this text

checkpoints: after every epoch the weights, optimizer state, learning-rate schedule
position, shuffling state and the epochs' results are written (whole or not at all)
to the checkpoint file. Ctrl+C stops after the current batch, saves the checkpoint,
prints how to go on and exits with 130; a second Ctrl+C ends at once.

exit status: 0 done, 1 failure, 2 bad usage (also a corrupt or mismatched
checkpoint), 130 interrupted by Ctrl+C

example:
  convscope train --epochs 3 --out simpleconvnet.weights
  convscope train --resume simpleconvnet.weights.checkpoint --out simpleconvnet.weights
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

// The options over `base` (the defaults, or a checkpoint's settings when resuming).
// train_images 0 means all of them, settled once the data is read.
TrainSettings settings_from_options(const ParsedArguments& args, const TrainSettings& base) {
    TrainSettings s = base;
    if (auto text = args.value("net")) s.net = *text;
    if (auto text = args.value("epochs")) s.epochs = parse_int(*text, "--epochs", 1, 10000);
    if (auto text = args.value("batch")) s.batch = parse_int(*text, "--batch", 1, 65536);
    if (auto text = args.value("optimizer")) s.optimizer = parse_optimizer_kind(*text);
    if (auto text = args.value("lr")) {
        s.learning_rate = parse_learning_rate(*text);
    } else if (s.optimizer != base.optimizer) {
        s.learning_rate = default_learning_rate(s.optimizer);
    }
    if (auto text = args.value("lr-decay")) s.decay = parse_lr_decay(*text);
    if (auto text = args.value("train-images")) {
        s.train_images = parse_int(*text, "--train-images", 1, 2147483647);
    }
    if (auto text = args.value("seed")) s.seed = parse_int(*text, "--seed", 0, 2147483647);
    return s;
}

// Resuming with an option that disagrees with the checkpoint would not go on the same run.
void require_same_settings(const TrainSettings& given, const TrainSettings& saved,
                           const std::string& path) {
    const auto differs = [&](const char* option, bool same, const std::string& value) {
        if (same) return;
        throw InputError(std::string(option) + " differs from the checkpoint's " + value + " (" +
                         path + "): leave it out when resuming");
    };
    differs("--net", given.net == saved.net, saved.net);
    differs("--epochs", given.epochs == saved.epochs, std::to_string(saved.epochs));
    differs("--batch", given.batch == saved.batch, std::to_string(saved.batch));
    differs("--optimizer", given.optimizer == saved.optimizer, optimizer_name(saved.optimizer));
    differs("--lr", given.learning_rate == saved.learning_rate,
            std::to_string(saved.learning_rate));
    differs("--lr-decay", given.decay == saved.decay, lr_decay_name(saved.decay));
    differs("--train-images", given.train_images == saved.train_images,
            std::to_string(saved.train_images));
    differs("--seed", given.seed == saved.seed, std::to_string(saved.seed));
}

// A checkpoint whose checksum holds but whose run cannot go on here: one line, exit 2.
void require_resumable(const TrainingCheckpoint& run, const Network<float>& network,
                       const Dataset& train, const std::string& path) {
    if (run.architecture != network.architecture() ||
        run.parameters.size() != network.parameter_count()) {
        throw InputError(path + ": the checkpoint's network is not this build's " +
                         run.settings.net + ": start a new run without --resume");
    }
    if (run.data_checksum != dataset_checksum(train)) {
        throw InputError(path + ": the checkpoint was made on other training data: give the " +
                         "--data it was trained on");
    }
    if (run.epochs_done >= run.settings.epochs) {
        throw InputError(path + ": the run already finished its " +
                         std::to_string(run.settings.epochs) +
                         " epochs: start a new run without --resume");
    }
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
                                                       {"checkpoint", "", true},
                                                       {"resume", "", true},
                                                       {"stop-after-epoch", "", true},
                                                       {"help", "h", false}});
    if (args.has("help")) {
        std::fputs(kTrainHelp, stdout);
        return 0;
    }
    TrainingCheckpoint run;
    const std::string resume = args.value("resume").value_or("");
    if (!resume.empty()) {
        run = read_checkpoint(resume);
        require_same_settings(settings_from_options(args, run.settings), run.settings, resume);
    } else {
        run.settings = settings_from_options(args, TrainSettings{});
    }
    TrainSettings& settings = run.settings;
    const NetworkSpec spec = network_preset(settings.net);
    const int checkpoint_threads = settings.threads;
    settings.threads =
        resume.empty() || args.has("threads") ? threads_option(args) : checkpoint_threads;
    TrainOutputs outputs;
    outputs.weights = args.value("out").value_or("");
    outputs.checkpoint =
        args.value("checkpoint")
            .value_or(!outputs.weights.empty() ? outputs.weights + ".checkpoint" : resume);
    if (auto text = args.value("stop-after-epoch")) {
        outputs.stop_after_epoch = parse_int(*text, "--stop-after-epoch", 1, settings.epochs);
    }
    for (const char* option : {"data", "out", "threads"}) {
        if (auto value = args.value(option)) {
            outputs.resume_options += std::string(" --") + option + " " + *value;
        }
    }

    MnistData data = load_mnist(mnist_folder_option(args));
    if (settings.train_images == 0) settings.train_images = data.train.count;
    if (settings.train_images > data.train.count) {
        throw InputError("--train-images " + std::to_string(settings.train_images) + ": " +
                         data.folder + " holds only " + std::to_string(data.train.count) +
                         " training images");
    }
    keep_first_images(data.train, settings.train_images);

    Network<float> network(spec, settings.batch, settings.threads);
    network.initialize(static_cast<std::uint64_t>(settings.seed));
    Trainer trainer(network, data.train, settings.optimizer, settings.learning_rate,
                    static_cast<std::uint64_t>(settings.seed));
    trainer.set_schedule(settings.decay,
                         static_cast<long>(settings.epochs) * trainer.batches_per_epoch());
    if (resume.empty()) {
        run.architecture = network.architecture();
        run.data_checksum = dataset_checksum(data.train);
    } else {
        require_resumable(run, network, data.train, resume);
        try {
            trainer.restore(run.trainer);
        } catch (const InputError& error) {
            throw InputError(resume + ": " + error.what() + ": start a new run without --resume");
        }
        std::copy(run.parameters.begin(), run.parameters.end(), network.parameters());
    }
    std::printf("%s on %s: %d training, %d test images\n", spec.name.c_str(), data.folder.c_str(),
                data.train.count, data.test.count);
    std::printf("%s\n", spec.architecture().c_str());
    std::printf("%zu parameters, %s %s decay, batch %d, %d threads, seed %d, gemm %s\n",
                network.parameter_count(), trainer.optimizer().description().c_str(),
                lr_decay_name(settings.decay), settings.batch, settings.threads, settings.seed,
                gemm_kernel_name());
    if (!resume.empty()) {
        std::printf("resuming from %s after epoch %d, batch %d\n", resume.c_str(), run.epochs_done,
                    run.batches_done);
        if (settings.threads != checkpoint_threads) {
            std::fprintf(stderr,
                         "note: the checkpoint ran on %d threads, this run on %d: the weights "
                         "will differ in the last bits from a run never stopped\n",
                         checkpoint_threads, settings.threads);
        }
    }
    return run_training_epochs(run, network, trainer, data, outputs);
}

}  // namespace convscope
