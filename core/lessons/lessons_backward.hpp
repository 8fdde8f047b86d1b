// The backward-pass lessons (issue 16, part 2): the gradient dL/dY of the loss flows
// back through a convolution (dL/dW, dL/db, dL/dX) and through max pooling, stepped
// cell by cell with every product written out (LessonView::Backward).
#pragma once

#include <vector>

#include "core/lessons/lessons.hpp"

namespace convscope {

// "backward" (the chapter's 2.2 example, with a bias) and "backward-pool" (its max
// pooling example), in that order.
std::vector<Lesson> backward_lessons();

}  // namespace convscope
