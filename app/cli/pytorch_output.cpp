// `--pytorch`: the operation as PyTorch code, from core.
#include "app/cli/pytorch_output.hpp"

#include <cstdio>

#include "core/tensor/check.hpp"

namespace convscope {

OptionSpec pytorch_option_spec() {
    return {"pytorch", "", false};
}

bool print_pytorch_code(const ParsedArguments& args, PytorchRequest request) {
    if (!args.has("pytorch")) return false;
    for (const char* other : {"trace", "npy"}) {
        if (args.has(other)) {
            throw InputError(std::string("--pytorch prints code, not a trace or a file: drop --") +
                             other);
        }
    }
    request.json_output = args.has("json");
    std::fputs(pytorch_code(request).c_str(), stdout);
    return true;
}

}  // namespace convscope
