// Lesson state files: a lesson's exact settings and values in a small JSON file, so a
// lecture can be prepared (save the examples) and given (reopen them in class, or export
// them). The window saves and opens them, `--open FILE` starts on one, export takes one.
//
// Format "convscope-lesson", version 1 (README "Lesson files"):
//   {
//     "format": "convscope-lesson", "version": 1,
//     "lesson": "conv-basic",                       a lessons() id
//     "step": 4,                                    0-based step of its trace
//     "setup": {
//       "op": "conv",                               conv, transposed, max-pool, avg-pool
//       "batch": 1, "channels": 1, "filters": 1,
//       "input": [5, 5], "kernel": [3, 3],          [H, W] (or one number for both)
//       "padding": [0, 0],                          numbers, or "valid", "same", "full"
//       "stride": [1, 1], "dilation": [1, 1], "output_padding": [0, 0],
//       "bias": false, "seed": 1,
//       "input_values": [[3, 3, 2, 1, 0], ...],     optional: rows of W, in (N,C,H,W) order
//       "kernel_values": [[0, 1, 2], ...],          optional: rows of KW, in the op's layout
//       "bias_values": [0]                          optional: FN numbers
//     }
//   }
// A missing value list is drawn from the seed. Every loaded state is checked as the
// window would take it: the lesson exists, build_playground and the lesson's figure
// accept the setup, the step is on its trace, every number is finite.
#pragma once

#include <cstddef>
#include <string>

#include "core/lessons/playground.hpp"
#include "core/lessons/setting_overrides.hpp"  // apply_setting_overrides: --set

namespace convscope {

struct LessonState {
    std::string lesson_id;  // a lessons() id
    int step = 0;
    PlaygroundSetup setup;  // with explicit values (with_explicit_values) when saved
};

constexpr const char* kLessonFileFormat = "convscope-lesson";
constexpr int kLessonFileVersion = 1;
// Far above any playground's file (a few KB); checked before the file is read.
constexpr std::size_t kMaxLessonFileBytes = 1 << 20;

// Small, readable JSON: one line per field and per row of values. InputError when a value
// is not finite (JSON cannot hold it).
std::string encode_lesson_state(const LessonState& state);

// InputError "lesson file '<name>': <problem>" for anything the window would not open.
LessonState decode_lesson_state(const std::string& text, const std::string& name);

// Checks the state as decode would, then writes it atomically (core/formats/atomic_file).
void save_lesson_state(const std::string& path, const LessonState& state);

// InputError for a missing file, a folder, a file over kMaxLessonFileBytes, an unreadable
// one, or any problem decode_lesson_state finds.
LessonState load_lesson_state(const std::string& path);

}  // namespace convscope
