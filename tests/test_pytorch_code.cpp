// The PyTorch code core writes for a lesson: the exact tensor literals and the call
// with the lesson's settings. (That the code runs and equals core: cli/test_pytorch_cli.sh.)
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <variant>

#include "core/lessons/lesson_figures.hpp"
#include "core/lessons/lessons.hpp"
#include "core/lessons/pytorch_code.hpp"

using namespace convscope;

namespace {

std::string code_of(const PlaygroundSetup& setup) {
    return pytorch_code(pytorch_request(build_playground(setup)));
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the conv-basic lesson's code has the chapter's tensors and a plain conv2d") {
    const Lesson* lesson = find_lesson("conv-basic");
    REQUIRE(lesson != nullptr);
    const std::string code = code_of(lesson->setup);
    CHECK(has(code, "import torch\nimport torch.nn.functional as F\n"));
    CHECK(has(code,
              "x = torch.tensor([[[[3., 3., 2., 1., 0.],\n"
              "                    [0., 0., 1., 3., 1.],"));
    CHECK(has(code, "# (1, 1, 5, 5) N, C, H, W"));
    CHECK(has(code,
              "w = torch.tensor([[[[0., 1., 2.],\n"
              "                    [2., 2., 0.],\n"
              "                    [0., 1., 2.]]]])"));
    CHECK(has(code, "y = F.conv2d(x, w)\n"));
    CHECK(has(code, "print(y)\n"));
    CHECK_FALSE(has(code, "json"));
}

TEST_CASE("settings become keyword arguments, defaults are left out") {
    PlaygroundSetup s;
    s.channels = 2;
    s.filters = 4;
    s.groups = 2;
    s.has_bias = true;
    s.options = Options2d::uniform(2, Padding::of(1), 2);
    const std::string code = code_of(s);
    CHECK(has(code, "b = torch.tensor(["));
    CHECK(has(code, "y = F.conv2d(x, w, b, stride=2, padding=1, dilation=2, groups=2)\n"));

    s.op = TracedOp::TransposedConv;
    s.groups = 1;
    s.options = Options2d::uniform(2, Padding::of(1), 1, 1);
    CHECK(
        has(code_of(s), "y = F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1)"));
}

TEST_CASE("uneven padding: 'same' at stride 1, F.pad otherwise, and for pools") {
    PlaygroundSetup s;
    s.input_h = s.input_w = 6;
    s.kernel_h = s.kernel_w = 4;
    s.options = Options2d::uniform(1, Padding{Padding::Mode::Same, 0});
    CHECK(has(code_of(s), "y = F.conv2d(x, w, padding='same')"));

    s.options = Options2d::uniform(2, Padding{Padding::Mode::Same, 0});
    const std::string strided = code_of(s);
    CHECK(has(strided, "x = F.pad(x, (1, 2, 1, 2))\n"));
    CHECK(has(strided, "y = F.conv2d(x, w, stride=2)"));

    s.op = TracedOp::MaxPool;
    s.kernel_h = s.kernel_w = 2;
    s.options = pool_options(2, 2, Padding{Padding::Mode::Same, 0});
    const std::string pooled = code_of(s);
    CHECK(has(pooled, "x = F.pad(x, (0, 1, 0, 1), value=float('-inf'))\n"));
    CHECK(has(pooled, "y = F.max_pool2d(x, 2)"));

    s.op = TracedOp::AveragePool;
    s.options = pool_options(2, 2, Padding::of(1));
    CHECK(has(code_of(s), "y = F.avg_pool2d(x, 2, padding=1, count_include_pad=True)"));
}

TEST_CASE("a 1-D lesson drops the H axis and calls conv1d") {
    PlaygroundSetup s;
    s.one_d = true;
    s.input_w = 8;
    s.kernel_w = 3;
    s.options = options_1d({2, Padding::of(1), 1, 0});
    const std::string code = code_of(s);
    CHECK(has(code, "# (1, 1, 8) N, C, L"));
    CHECK(has(code, "y = F.conv1d(x, w, stride=2, padding=1)"));
}

TEST_CASE("floats are written so they read back exactly") {
    CHECK(python_float(3.0f) == "3.");
    CHECK(python_float(-2.0f) == "-2.");
    CHECK(python_float(0.5f) == "0.5");
    CHECK(python_float(0.1f) == "0.1");
    for (float v : {1.0f / 3.0f, -7.25e-9f, 123456.789f}) {
        CHECK(std::strtof(python_float(v).c_str(), nullptr) == v);
    }
}

TEST_CASE("a backward lesson's code runs autograd on its dL/dY and prints the gradients") {
    const Lesson* lesson = find_lesson("backward");
    REQUIRE(lesson != nullptr);
    const Playground playground = build_playground(lesson->setup);
    const LessonFigure figure = build_lesson_figure(lesson->view, playground);
    const auto* backward = std::get_if<BackwardFigure>(&figure);
    REQUIRE(backward != nullptr);
    PytorchRequest request = pytorch_request(playground, figure);
    REQUIRE(request.backward());
    const std::string code = pytorch_code(request);
    CHECK(has(code, "x = torch.tensor([[[[3., 3., 2., 1., 0.],"));
    CHECK(has(code, "[2., 0., 0., 0., 1.]]]], requires_grad=True)  # (1, 1, 5, 5)"));
    CHECK(has(code, "[0., 1., 2.]]]], requires_grad=True)  # (1, 1, 3, 3) FN"));
    CHECK(has(code, "b = torch.tensor([3.], requires_grad=True)"));
    // dy holds the figure's dL/dY, first value first, in the output's shape.
    const Tensor& dy = backward->trace.grad_output();
    CHECK(has(code, "dy = torch.tensor([[[[" + python_float(dy.data()[0]) + ","));
    CHECK(has(code, "  # (1, 1, 3, 3) dL/dY: N, FN, OH, OW\n"));
    CHECK(has(code, "y = F.conv2d(x, w, b)\ny.backward(dy)"));
    CHECK(has(code, "print(x.grad)  # dL/dX\nprint(w.grad)  # dL/dW\nprint(b.grad)  # dL/db\n"));
    CHECK_FALSE(has(code, "print(y)"));

    request.json_output = true;
    CHECK(has(pytorch_code(request),
              "print(json.dumps({\"grad_input\": x.grad.tolist(), \"grad_weight\": "
              "w.grad.tolist(), \"grad_bias\": b.grad.tolist()}))\n"));
}

TEST_CASE("the pooling backward code has only x.grad; padding keeps x the leaf") {
    const Lesson* lesson = find_lesson("backward-pool");
    REQUIRE(lesson != nullptr);
    Playground playground = build_playground(lesson->setup);
    const std::string code =
        pytorch_code(pytorch_request(playground, build_lesson_figure(lesson->view, playground)));
    CHECK(has(code, "# (1, 1, 2, 2) dL/dY: N, C, OH, OW\n"));
    CHECK(has(code, "y = F.max_pool2d(x, 2)\ny.backward(dy)  # autograd fills x.grad\n"));
    CHECK(has(code, "print(x.grad)"));
    CHECK_FALSE(has(code, "w.grad"));

    // Uneven padding pads into xp: x itself must stay the tensor whose .grad is read.
    PlaygroundSetup s = lesson->setup;
    s.input_values.clear();
    s.input_h = s.input_w = 5;
    s.options = pool_options(2, 2, Padding{Padding::Mode::Same, 0});
    playground = build_playground(s);
    const std::string padded =
        pytorch_code(pytorch_request(playground, build_lesson_figure(lesson->view, playground)));
    CHECK(has(padded, "xp = F.pad(x, (0, 1, 0, 1), value=float('-inf'))\n"));
    CHECK(has(padded, "y = F.max_pool2d(xp, 2)\ny.backward(dy)"));
}

TEST_CASE("a forward lesson's figure leaves the forward code") {
    const Lesson* lesson = find_lesson("conv-basic");
    REQUIRE(lesson != nullptr);
    const Playground playground = build_playground(lesson->setup);
    const PytorchRequest request =
        pytorch_request(playground, build_lesson_figure(lesson->view, playground));
    CHECK_FALSE(request.backward());
    CHECK_FALSE(has(pytorch_code(request), "requires_grad"));
}
