// The quiz: the student answers, core says whether it is right and, on a mistake, what
// went wrong when it can tell (a product missed, the padding forgotten, ceil instead of
// floor, the bias left out, the wrong channel summed ...), so the window can show the
// working beside a diagnosis rather than a bare "wrong".
//
// Three kinds of question, one file each: an output cell's value (quiz_cell.hpp), an
// axis' output size (quiz_size.hpp), the input cells a window covers (quiz_window.hpp).
// This header holds what they share: the diagnosis, the score, new exercises.
#pragma once

#include <cstdint>

#include "core/lessons/playground.hpp"
#include "core/tensor/message.hpp"

namespace convscope {

enum class Mistake {
    None,  // the answer is right
    // an output cell's value
    BiasLeftOut,
    ProductMissed,       // one product left out of the sum
    ProductWrongWeight,  // one input multiplied by another kernel cell's weight
    AddedNotMultiplied,  // one input and its weight added instead of multiplied
    PaddingForgotten,    // the window placed on the input as if there were no padding
    KernelFlipped,       // the kernel turned 180 degrees (convolution, not correlation)
    OneChannelOnly,      // only one input channel summed
    WrongChannelPaired,  // each input channel met another channel's kernel slice
    NotTheMaximum,       // max pooling: another cell of the window picked
    MeanNotMax,
    MaxNotMean,
    SumNotMean,  // average pooling: the sum not divided by the window's size
    // an output size
    CeilNotFloor,
    PlusOneForgotten,
    PaddingOneSide,  // padding counted on one side only
    DilationIgnored,
    StrideIgnored,
    ConvFormulaUsed,         // transposed: the forward conv's formula used
    OutputPaddingForgotten,  // transposed: a left out
    PaddingAddedNotRemoved,  // transposed: + 2p instead of - 2p
    // a window's cells
    CellsMissing,
    CellsExtra,
    // none of the above: show the working
    Unknown,
};

struct Diagnosis {
    Mistake mistake = Mistake::Unknown;
    Message message;   // one sentence for the student, translatable
    int term = -1;     // ProductMissed / ProductWrongWeight / AddedNotMultiplied: the term
    int channel = -1;  // OneChannelOnly: the channel summed

    bool right() const { return mistake == Mistake::None; }
};

// Right answers, questions asked and the current and best runs of right answers.
struct QuizScore {
    int asked = 0;
    int right = 0;
    int streak = 0;
    int best_streak = 0;

    void record(bool answer_right);
};

enum class Difficulty { Easy, Medium, Hard };

// A random valid setup for a new exercise, reproducible from `seed`:
//   easy    one channel, stride 1, no dilation, small sizes, padding 0 or 1
//   medium  stride up to 2, padding modes, max and average pooling
//   hard    dilation, two channels, two filters, bias, transposed convolution
PlaygroundSetup random_exercise(Difficulty difficulty, std::uint32_t seed);

// The answer typed as a number equals `expected` (within float rounding of the sum).
bool same_number(float answer, float expected);

}  // namespace convscope
