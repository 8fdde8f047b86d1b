// Options shared by `train` and `eval`: where the MNIST files are and how many threads.
#pragma once

#include <string>

#include "app/cli/argument_parser.hpp"

namespace convscope {

// --data DIR, or the bundled subset (assets/mnist, see find_asset()); InputError when
// neither exists.
std::string mnist_folder_option(const ParsedArguments& args);

// --threads T, or every core the machine has.
int threads_option(const ParsedArguments& args);

}  // namespace convscope
