// The lessons: one preset per example of the chapter, in its order, then every case
// of the conv_arithmetic guide. All user-facing lesson text lives in lessons.cpp's one
// table, so a translation replaces one file.
#pragma once

#include <string>
#include <vector>

#include "core/lessons/playground.hpp"

namespace convscope {

// What the centre of the screen shows besides the step-by-step grids.
enum class LessonView {
    Steps,                   // input, kernel, output, this step's sum
    VisitCounts,             // how often each input cell is read
    Sparse,                  // the conv as a sparse matrix beside a dense one
    Sharing,                 // one kernel weight, every place it is used
    Equivariance,            // conv(shift(x)) against shift(conv(x))
    ReceptiveField,          // a deep unit and the inputs it sees
    PoolRobustness,          // max pooling before and after a one-pixel shift
    Im2col,                  // the input unrolled into columns, the filters as rows
    TransposedDirect,        // a transposed conv as zeros, padding and a plain conv
    Backward,                // dL/dY back through the op: dL/dW, dL/db, dL/dX cell by cell
    CorrelationConvolution,  // the chapter's formula against the kernel turned 180°
    Groups,                  // grouped, depthwise, pointwise: the channels each filter reads
    Signal,                  // 1-D: the signal and the output as plots under the numbers
};

struct Lesson {
    std::string id;           // "conv-basic": scene name and CLI handle
    std::string section;      // "2.2": the chapter's numbering ("A" for conv_arithmetic)
    std::string title;        // "Convolution"
    std::string explanation;  // two or three sentences under the grids
    std::string expected;     // what the student should see, with the chapter's numbers
    std::string erratum;      // where the chapter's text slips, the correct value; or empty
    LessonView view = LessonView::Steps;
    PlaygroundSetup setup;
};

const std::vector<Lesson>& lessons();

// The lesson with this id, or nullptr.
const Lesson* find_lesson(const std::string& id);

// Where the lesson list files a lesson: the chapter's examples (dilated and transposed
// convolution among them), what lies beyond the chapter (section B: im2col, 1-D and
// grouped convolution, the backward pass), then the cases of the conv_arithmetic guide,
// its transposed cases last. lessons() holds them in this order.
enum class LessonGroup { Chapter, Beyond, Guide, GuideTransposed };
LessonGroup lesson_group(const Lesson& lesson);

// The title under its group's heading: a transposed guide case drops "Transposed: ".
std::string title_in_group(const Lesson& lesson);

}  // namespace convscope
