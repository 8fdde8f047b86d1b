// The CLI subcommands. Each takes the arguments after its name and returns the exit
// code: 0 on success, 2 for a bad argument or a shape mismatch (with a message on stderr).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace convscope {

using Arguments = std::vector<std::string>;

int run_shape_command(const Arguments& args);
int run_conv_command(const Arguments& args);
int run_pool_command(const Arguments& args);
int run_pytorch_command(const Arguments& args);
int run_train_command(const Arguments& args);
int run_eval_command(const Arguments& args);
int run_features_command(const Arguments& args);
int run_info_command(const Arguments& args);     // ONNX models
int run_predict_command(const Arguments& args);  // ONNX models
int run_export_command(const Arguments& args);   // the window's build only
int run_explain_command(const Arguments& args);

// The subcommand named `name`, or nullptr.
using Command = int (*)(const Arguments&);
Command find_command(const std::string& name);

// The top-level usage text.
void print_usage(std::FILE* out);

}  // namespace convscope
