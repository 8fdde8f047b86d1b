// `--trace` for conv and pool: every step of the operation, as JSON or a listing.
#pragma once

#include "core/lessons/trace.hpp"

namespace convscope {

// Prints the output and its steps. JSON: {"output": ..., "steps": [{"out": [n,f,y,x],
// "inputs": [[n,c,y,x], ...], "products": [...], "value": v}, ...]}; pooling lists
// "values" (the window's inputs; null for a padded cell in max pooling) instead of
// "products". Input coordinates are negative or past the edge for padded cells.
// `one_d`: a 1-D conv traced with H = 1; its indices drop y ([n,f,x], [n,c,x]).
void print_traced_result(const OperationTrace& trace, const Tensor& output, bool json,
                         bool one_d = false);

}  // namespace convscope
