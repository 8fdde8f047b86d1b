// The epochs of `convscope train`: progress, the epoch lines, a checkpoint after every
// epoch, a clean stop on Ctrl+C, and the closing report.
#pragma once

#include <string>

#include "core/formats/checkpoint_file.hpp"
#include "core/formats/mnist_idx.hpp"
#include "core/nn/network.hpp"
#include "core/nn/trainer.hpp"

namespace convscope {

struct TrainOutputs {
    std::string weights;         // --out, "" for none: written when the run ends
    std::string checkpoint;      // "" for none: then Ctrl+C keeps nothing
    std::string resume_options;  // what to add to `--resume FILE` to go on (" --data DIR")
    int stop_after_epoch = 0;    // --stop-after-epoch; 0 to run every epoch
};

// Runs the epochs left in `run` (a new run, or one read from a checkpoint and restored
// into `network` and `trainer`). Returns 0 when done or stopped by --stop-after-epoch,
// kInterruptedExitCode when Ctrl+C stopped it.
int run_training_epochs(TrainingCheckpoint& run, Network<float>& network, Trainer& trainer,
                        const MnistData& data, const TrainOutputs& outputs);

}  // namespace convscope
