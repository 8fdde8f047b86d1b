// The live modes' words that core writes in English (it keeps English for the CLI):
// layer descriptions, training states and messages, the classic kernels' titles and
// descriptions. The window shows them in its language: translated by their English
// text, or composed again from core's numbers.
#pragma once

#include <string>
#include <vector>

#include "core/images/image_kernels.hpp"
#include "core/nn/network_probe.hpp"
#include "core/nn/training_session.hpp"

namespace convscope {

// "conv 30@5x5", "maxpool 2x2 s2", "affine 100" (LayerSummary::short_text) in the
// window's language; the kind is translated, the settings' notation kept.
std::string layer_description(const LayerSummary& layer);

// "paused", "running", "diverged" in the window's language.
const char* training_state_text(TrainingState state);

// A message core or the app model left in English (a snapshot's message, the pretrained
// network's note, the data set's name): its translation when the catalogue has one.
const std::string& live_text(const std::string& english);

const char* kernel_title(const ImageKernel& kernel);
const char* kernel_description(const ImageKernel& kernel);

// Every English text above that core composes, as the catalogue must hold it (tests
// check that core's kernels and messages are among them).
const std::vector<std::string>& core_live_texts();

// `value` through printf's `format` ("%.4f"): numbers for trf's placeholders, printed
// as the English text always printed them.
std::string format_number(const char* format, double value);

}  // namespace convscope
