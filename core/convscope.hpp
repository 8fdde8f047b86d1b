// convscope core: the numbers behind every picture, with no GL, GLFW or ImGui.
//
// A short tour: arithmetic, values, a lesson's trace and training a net. It is
// compiled and run as tests/test_tour.cpp, which checks every output stated here;
// change the two together (the test also checks that each line below is one of its own).
//
//   #include "core/convscope.hpp"
//   using namespace convscope;
//
//   // 1. Arithmetic, one axis (seed 2.4: i=5, k=3, s=2, p=1 gives o=3):
//   AxisParams axis;
//   axis.input = 5, axis.kernel = 3, axis.stride = 2, axis.padding = Padding::of(1);
//   AxisGeometry g = resolve_axis(OpKind::Conv, axis);  // g.output == 3
//   std::string formula = formula_text(OpKind::Conv, g);
//   // "o = floor((i + 2p - k)/s) + 1 = floor((5 + 2*1 - 3)/2) + 1 = 3"
//
//   // Which input cells an output cell reads, and how often each input cell is read:
//   ConvGeometry geometry = resolve_geometry(OpKind::Conv, axis, axis);
//   std::vector<Tap> window = output_taps(geometry, 0, 0);  // 9 taps, 5 in the padding
//   std::vector<int> counts = visit_counts(geometry);  // 5x5 row-major: (1,1) is read 4 times
//
//   // 2. Values: NCHW tensors, cross-correlation as PyTorch computes it (seed 2.2):
//   std::string seed_input = "[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]";
//   Tensor input = parse_nested_array(seed_input, "input").as_rank4();
//   Tensor kernel = parse_nested_array("[[0,1,2],[2,2,0],[0,1,2]]", "kernel").as_rank4();
//   Tensor out = conv2d(input, kernel, /*bias=*/{}, Options2d::uniform(1, Padding::of(0)));
//   // out (1,1,3,3): [[12,12,17],[10,17,19],[9,6,14]]
//
//   // 3. A lesson, traced step by step as the window animates it:
//   Playground scene = build_playground(find_lesson("conv-basic")->setup);
//   TraceStep first = scene.trace.step(0);  // the top-left window
//   std::string sum = step_equation(scene.trace.op(), first);
//   // "3x0 + 3x1 + 2x2 + 0x2 + 0x2 + 1x0 + 3x0 + 1x1 + 2x2 = 12"
//   Tensor replayed = scene.trace.replay();  // every step's value: equals scene.output
//
//   // 4. Training SimpleConvNet on the bundled MNIST subset (from the repository root):
//   MnistData mnist = load_mnist("assets/mnist");
//   Network<float> net(simpleconvnet_spec(), /*max_batch=*/50, /*threads=*/1);
//   net.initialize(/*seed=*/1);
//   Trainer trainer(net, mnist.train, OptimizerKind::Adam, 0.001f, /*seed=*/1);
//   float first_loss = trainer.train_batch().loss;  // untrained: above ln 10 = 2.3
//   for (int step = 0; step < 40; ++step) trainer.train_batch();
//   float loss = trainer.train_batch().loss;               // well below first_loss
//   double accuracy = evaluate_accuracy(net, mnist.test);  // far above chance (0.1)
//
// Bad user input throws InputError with a message that names the value and the bound.
#pragma once

#include "core/formats/mnist_idx.hpp"
#include "core/formats/nested_array.hpp"
#include "core/lessons/conv_matrix.hpp"
#include "core/lessons/lessons.hpp"
#include "core/lessons/playground.hpp"
#include "core/lessons/trace.hpp"
#include "core/lessons/translation.hpp"
#include "core/nn/network.hpp"
#include "core/nn/network_spec.hpp"
#include "core/nn/trainer.hpp"
#include "core/ops/conv_geometry.hpp"
#include "core/ops/receptive_field.hpp"
#include "core/ops/reference_ops.hpp"
#include "core/ops/window_map.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/tensor.hpp"
