#include "app/cli/tensor_io.hpp"

#include <algorithm>
#include <cstdio>

#include "core/formats/nested_array.hpp"
#include "core/formats/npy_file.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

Tensor read_tensor_option(const std::string& text, const std::string& what) {
    if (has_npy_extension(text)) {
        try {
            return read_npy(text);
        } catch (const InputError& error) {
            throw InputError(what + ": " + error.what());
        }
    }
    const std::size_t first = text.find_first_not_of(" \t\n");
    if (first != std::string::npos && text[first] != '[') {
        return parse_nested_array("[" + text + "]", what);
    }
    return parse_nested_array(text, what);
}

std::optional<std::string> npy_output_option(const ParsedArguments& args) {
    std::optional<std::string> path = args.value("npy");
    if (path && !has_npy_extension(*path)) {
        throw InputError("--npy: '" + *path + "' does not end in .npy (give the file to write)");
    }
    return path;
}

void print_npy_note(const std::string& path, const Tensor& output) {
    std::printf("saved %s float32 to %s\n", shape_text(output.shape()).c_str(), path.c_str());
}

std::string grid_text(const Tensor& tensor, const char* first_axis) {
    const Tensor t = tensor.as_rank4();
    const int batch = t.dim(0), channels = t.dim(1), height = t.dim(2), width = t.dim(3);
    std::size_t cell_width = 1;
    for (float v : t.values()) cell_width = std::max(cell_width, number_text(v).size());

    std::string out;
    for (int n = 0; n < batch; ++n)
        for (int c = 0; c < channels; ++c) {
            if (tensor.rank() >= 3) {
                if (!out.empty()) out += '\n';
                out += tensor.rank() == 4
                           ? "[n=" + std::to_string(n) + ", c=" + std::to_string(c) + "]\n"
                           : "[" + std::string(first_axis) + "=" + std::to_string(c) + "]\n";
            }
            for (int y = 0; y < height; ++y) {
                for (int x = 0; x < width; ++x) {
                    const std::string number = number_text(t.at(n, c, y, x));
                    out += std::string(cell_width - number.size() + (x ? 1 : 0), ' ') + number;
                }
                out += '\n';
            }
        }
    return out;
}

Tensor with_rank(const Tensor& rank4, int rank) {
    CS_CHECK(rank4.rank() == 4 && rank >= 2 && rank <= 4);
    std::vector<int> shape = rank4.shape();
    while (static_cast<int>(shape.size()) > rank && shape.front() == 1) shape.erase(shape.begin());
    return rank4.reshaped(shape);
}

void print_result(const Tensor& output, bool json, const char* first_axis) {
    if (json) {
        std::printf("{\"output\":%s}\n", to_nested_array(output).c_str());
    } else {
        std::printf("output %s\n%s", shape_text(output.shape()).c_str(),
                    grid_text(output, first_axis).c_str());
    }
}

}  // namespace convscope
