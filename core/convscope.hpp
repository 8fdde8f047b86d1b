// convscope core: the numbers behind every picture, with no GL, GLFW or ImGui.
//
// A short tour:
//
//   #include "core/convscope.hpp"
//   using namespace convscope;
//
//   // Convolution arithmetic, one axis (seed 2.4: i=5, k=3, s=2, p=1 gives o=3):
//   AxisParams axis;
//   axis.input = 5; axis.kernel = 3; axis.stride = 2; axis.padding = Padding::of(1);
//   AxisGeometry g = resolve_axis(OpKind::Conv, axis);       // g.output == 3
//   formula_text(OpKind::Conv, g);   // "o = floor((i + 2p - k)/s) + 1 = floor((5 + 2*1 - 3)/2) + 1
//   = 3"
//
//   // Values: NCHW tensors, cross-correlation as PyTorch computes it.
//   Tensor input = parse_nested_array("[[3,3,2,1,0],[0,0,1,3,1],...]", "input").as_rank4();
//   Tensor kernel = parse_nested_array("[[0,1,2],[2,2,0],[0,1,2]]", "kernel").as_rank4();
//   Tensor out = conv2d(input, kernel, /*bias=*/{}, Options2d::uniform(1, Padding::of(0)));
//
//   // What each output cell reads, and how often each input cell is read:
//   ConvGeometry geometry = resolve_geometry(OpKind::Conv, axis, axis);
//   std::vector<Tap> window = output_taps(geometry, 0, 0);
//   std::vector<int> counts = visit_counts(geometry);
//
// Bad user input throws InputError with a message that names the value and the bound.
#pragma once

#include "core/formats/nested_array.hpp"
#include "core/lessons/conv_matrix.hpp"
#include "core/lessons/lessons.hpp"
#include "core/lessons/playground.hpp"
#include "core/lessons/trace.hpp"
#include "core/lessons/translation.hpp"
#include "core/ops/conv_geometry.hpp"
#include "core/ops/receptive_field.hpp"
#include "core/ops/reference_ops.hpp"
#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/tensor.hpp"
