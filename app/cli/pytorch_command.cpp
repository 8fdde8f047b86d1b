// `convscope pytorch`: a lesson's operation as PyTorch code, with the lesson's numbers
// (the window's PyTorch panel, in a terminal); --core-output prints what core computes,
// so a test can run the code and compare.
#include <cstdio>

#include "app/cli/backward_output.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/tensor_io.hpp"
#include "core/lessons/lessons.hpp"
#include "core/lessons/pytorch_code.hpp"
#include "core/lessons/setting_overrides.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kPytorchHelp = R"(usage: convscope pytorch --scene LESSON [--set K=V,...] [options]
       convscope pytorch --list

Prints the PyTorch lines (torch.nn.functional) that compute a lesson's output with
the lesson's numbers, as the window's "PyTorch code" button shows them; for the
backward lessons, autograd's gradients for the lesson's dL/dY. Lessons
are listed by 'convscope --list-scenes' (those of the Network, Images and Draw
modes have no single operation). For values of your own: conv|pool --pytorch.

options:
      --scene LESSON      the lesson (required)
      --list              list the lessons that have code, one id a line
      --set K=V,...       the lesson's settings changed, as the window's --set
      --json              the code prints y as JSON (json.dumps(y.tolist()))
      --core-output       print core's output instead, {"output": nested arrays}
                          in PyTorch's shape ((N,F,H,W), or (N,F,L) for 1-D);
                          for a backward lesson its gradients, {"grad_input": ...,
                          "grad_weight": ..., "grad_bias": ...}, as conv --backward
  -h, --help              this text

example:
  convscope pytorch --scene conv-basic
  convscope pytorch --scene padding --set stride=2,bias=1 > padding.py && python3 padding.py
)";

}  // namespace

int run_pytorch_command(const Arguments& raw) {
    const ParsedArguments args = parse_arguments(raw, {{"scene", "", true},
                                                       {"set", "", true},
                                                       {"json", "", false},
                                                       {"core-output", "", false},
                                                       {"list", "", false},
                                                       {"help", "h", false}});
    if (args.has("help")) {
        std::fputs(kPytorchHelp, stdout);
        return 0;
    }
    if (args.has("list")) {  // works in a build without the window, unlike --list-scenes
        for (const Lesson& lesson : lessons()) std::printf("%s\n", lesson.id.c_str());
        return 0;
    }
    const std::string id = args.required("scene");
    const Lesson* lesson = find_lesson(id);
    if (lesson == nullptr) {
        throw InputError("no lesson '" + id +
                         "' with one operation; see 'convscope --list-scenes' for the names");
    }
    PlaygroundSetup setup = lesson->setup;
    if (auto overrides = args.value("set")) setup = apply_setting_overrides(setup, *overrides);
    const Playground playground = build_playground(setup);
    const LessonFigure figure = build_lesson_figure(lesson->view, playground);
    if (const auto* backward = std::get_if<BackwardFigure>(&figure);
        backward != nullptr && args.has("core-output")) {
        print_backward_result(backward->trace, 4, playground.kernel.shape(), true, false);
        return 0;
    }
    if (args.has("core-output")) {
        const Tensor& y = playground.output;
        print_result(setup.one_d ? y.reshaped({y.dim(0), y.dim(1), y.dim(3)}) : y, true);
        return 0;
    }
    PytorchRequest request = pytorch_request(playground, figure);
    request.json_output = args.has("json");
    std::fputs(pytorch_code(request).c_str(), stdout);
    return 0;
}

}  // namespace convscope
