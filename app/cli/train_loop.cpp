#include "app/cli/train_loop.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/cli/train_interrupt.hpp"
#include "core/formats/weights_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// One line, rewritten in place, while an epoch runs on a terminal.
void show_progress(int epoch, int epochs, int done, int total, double loss) {
    constexpr int kWidth = 30;
    const int filled = done * kWidth / total;
    std::printf("\repoch %d/%d [%.*s%.*s] %3d%%  loss %.4f", epoch, epochs, filled,
                "##############################", kWidth - filled, "..............................",
                done * 100 / total, loss);
    std::fflush(stdout);
}

void save_run(const std::string& path, TrainingCheckpoint& run, const Network<float>& network,
              const Trainer& trainer) {
    run.trainer = trainer.state();
    run.parameters.assign(network.parameters(), network.parameters() + network.parameter_count());
    save_checkpoint(path, run);
}

// The one line after a stop: where the checkpoint is and the command that goes on.
void report_stop(const char* why, const TrainingCheckpoint& run, int batches,
                 const TrainOutputs& outputs, bool terminal) {
    if (terminal) std::printf("\n");
    std::fflush(stdout);
    const std::string of = "/" + std::to_string(run.settings.epochs);
    const std::string where =
        std::string(why) +
        (run.batches_done == 0
             ? " after epoch " + std::to_string(run.epochs_done) + of
             : " in epoch " + std::to_string(run.epochs_done + 1) + of + " after batch " +
                   std::to_string(run.batches_done) + "/" + std::to_string(batches));
    if (outputs.checkpoint.empty()) {
        std::fprintf(stderr, "%s: no checkpoint saved (give --out or --checkpoint to keep one)\n",
                     where.c_str());
    } else {
        std::fprintf(stderr,
                     "%s: checkpoint saved to %s; go on with: convscope train --resume %s%s\n",
                     where.c_str(), outputs.checkpoint.c_str(), outputs.checkpoint.c_str(),
                     outputs.resume_options.c_str());
    }
}

}  // namespace

int run_training_epochs(TrainingCheckpoint& run, Network<float>& network, Trainer& trainer,
                        const MnistData& data, const TrainOutputs& outputs) {
    using Clock = std::chrono::steady_clock;
    const InterruptCatcher interrupt;
    const bool terminal = isatty(fileno(stdout));
    const int epochs = run.settings.epochs;
    const int steps = trainer.batches_per_epoch();
    for (int epoch = run.epochs_done + 1; epoch <= epochs; ++epoch) {
        for (int step = run.batches_done; step < steps; ++step) {
            const Clock::time_point start = Clock::now();
            const BatchResult<float> result = trainer.train_batch();
            run.epoch_seconds += std::chrono::duration<double>(Clock::now() - start).count();
            run.loss_sum += double(result.loss) * trainer.last_batch_size();
            run.correct += result.correct;
            run.seen += trainer.last_batch_size();
            run.batches_done = step + 1;
            if (!std::isfinite(result.loss)) {
                throw InputError("training diverged (loss is not finite): try a smaller --lr");
            }
            if (terminal && (step % 10 == 9 || step + 1 == steps)) {
                show_progress(epoch, epochs, step + 1, steps, run.loss_sum / run.seen);
            }
            if (interrupt.interrupted()) {
                if (!outputs.checkpoint.empty())
                    save_run(outputs.checkpoint, run, network, trainer);
                report_stop("interrupted", run, steps, outputs, terminal);
                return kInterruptedExitCode;
            }
        }
        EpochRecord record;
        record.loss = run.loss_sum / run.seen;
        record.train_accuracy = double(run.correct) / run.seen;
        record.test_accuracy = evaluate_accuracy(network, data.test);
        record.images_per_second = run.seen / run.epoch_seconds;
        run.history.push_back(record);
        run.training_seconds += run.epoch_seconds;
        run.trained_images += run.seen;
        run.epochs_done = epoch;
        run.batches_done = 0;
        run.loss_sum = 0;
        run.correct = run.seen = 0;
        run.epoch_seconds = 0;
        std::printf(
            "%sepoch %d/%d  loss %.4f  train accuracy %.4f  test accuracy %.4f  %.0f img/s\n",
            terminal ? "\r\033[K" : "", epoch, epochs, record.loss, record.train_accuracy,
            record.test_accuracy, record.images_per_second);
        std::fflush(stdout);
        if (!outputs.checkpoint.empty()) save_run(outputs.checkpoint, run, network, trainer);
        if (epoch < epochs && interrupt.interrupted()) {
            report_stop("interrupted", run, steps, outputs, false);
            return kInterruptedExitCode;
        }
        if (epoch < epochs && epoch == outputs.stop_after_epoch) {
            report_stop("stopped", run, steps, outputs, false);
            return 0;
        }
    }
    if (!outputs.weights.empty()) {
        save_weights(outputs.weights, network);
        std::printf("weights saved to %s\n", outputs.weights.c_str());
    }
    const double images_per_second = run.trained_images / run.training_seconds;
    std::printf("compute: %.1f GFLOP/s (%.2f MFLOP per training image)\n",
                images_per_second * network.training_flops_per_image() * 1e-9,
                network.training_flops_per_image() * 1e-6);
    std::printf("test accuracy: %.4f\n", run.history.back().test_accuracy);
    std::printf("throughput: %.0f img/s\n", images_per_second);
    return 0;
}

}  // namespace convscope
