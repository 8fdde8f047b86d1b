// The grids of one step of a playground's trace, as the lesson views draw them: an
// input slice with its padding ring and the window, a kernel slice, an output map
// filled up to the current step. Every value comes from the playground (core).
#pragma once

#include <string>

#include "app/widgets/grid_view.hpp"
#include "core/lessons/playground.hpp"

namespace convscope {

// "5×5"
std::string size_text(int rows, int cols);

// Input item n, channel c, inside core's input_padding_ring. The step's window is
// outlined when it reads this slice, and max pooling's winner is marked.
GridView input_slice(const Playground& playground, int n, int c, const TraceStep& step,
                     std::string title);
// The same for another input of the playground's shape (a shifted copy).
GridView input_slice(const Playground& playground, const Tensor& input, int n, int c,
                     const TraceStep& step, std::string title);

// The kernel of filter f for input channel c. A transposed conv outlines the kernel
// cells that reach the step's output cell.
GridView kernel_slice(const Playground& playground, int f, int c, const TraceStep& step,
                      std::string title);

// Output map (n, f): cells written up to `step_index` show their values, later ones
// are pending; the step's cell is outlined.
GridView output_map(const Playground& playground, int n, int f, int step_index,
                    const TraceStep& step, std::string title);
// The same for another output of the trace's shape (the pooling of a shifted copy).
GridView output_map(const OperationTrace& trace, const Tensor& output, int n, int f, int step_index,
                    const TraceStep& step, std::string title);

// The output-size formula with today's values, both axes when they differ.
std::string output_formula(const Playground& playground);

}  // namespace convscope
