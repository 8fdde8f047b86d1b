// A training run on disk, to go on after an interruption: `convscope train` writes one
// after every epoch and on Ctrl+C; `train --resume FILE` reads it back.
//
// Format (version 1, integers little-endian, floats as their IEEE 754 bits):
//   8 bytes   "CSCHECKP"
//   u32       format version (1)
//   ...       the fields of TrainingCheckpoint in declaration order; strings and vectors
//             as a u64 length, then the items
//   u32       CRC-32 (zlib's) of every byte before it
// Written atomically (write_file_atomically): a reader sees the old file or the new one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/mnist_idx.hpp"
#include "core/nn/lr_schedule.hpp"
#include "core/nn/optimizer.hpp"
#include "core/nn/trainer.hpp"

namespace convscope {

// What the run was started with; a resumed run keeps them so it takes the same steps.
struct TrainSettings {
    std::string net = "simpleconvnet";
    int epochs = 5;
    int batch = 100;
    OptimizerKind optimizer = OptimizerKind::Adam;
    float learning_rate = 0.001f;
    LrDecay decay = LrDecay::Cosine;
    int train_images = 0;  // how many training images the run uses
    int seed = 1;
    int threads = 1;  // the batch's split across threads changes the last bits of sums
};

// One finished epoch's line of the report.
struct EpochRecord {
    double loss = 0;
    double train_accuracy = 0;
    double test_accuracy = 0;
    double images_per_second = 0;
};

struct TrainingCheckpoint {
    TrainSettings settings;
    std::string architecture;         // NetworkSpec::architecture()
    std::uint32_t data_checksum = 0;  // dataset_checksum() of the training images used
    int epochs_done = 0;
    int batches_done = 0;  // of the epoch under way (0 at an epoch's end)
    // The epoch under way, so its line counts every batch, and the run's totals.
    double loss_sum = 0;
    std::int64_t correct = 0;
    std::int64_t seen = 0;
    double epoch_seconds = 0;
    double training_seconds = 0;
    std::int64_t trained_images = 0;
    std::vector<EpochRecord> history;
    TrainerState trainer;
    std::vector<float> parameters;
};

constexpr unsigned kCheckpointFormatVersion = 1;

void save_checkpoint(const std::string& path, const TrainingCheckpoint& checkpoint);

// The whole file, checked (magic, version, length, checksum); InputError naming the
// file and the problem otherwise.
TrainingCheckpoint read_checkpoint(const std::string& path);

// CRC-32 of a dataset's labels and pixels: tells a checkpoint's data from other data.
std::uint32_t dataset_checksum(const Dataset& data);

}  // namespace convscope
