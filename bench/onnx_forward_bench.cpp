// The forward pass of an ONNX model on convscope's fast layers, timed: batch B of the
// fixed fixture input, repeated; prints `throughput: N img/s` (median of the repeats).
// usage: onnx_forward_bench MODEL.onnx [--batch 64] [--threads 2] [--repeats 30]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/onnx/onnx_import.hpp"
#include "core/onnx/onnx_runner.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: onnx_forward_bench MODEL.onnx [--batch B] [--threads T] "
                     "[--repeats R]\n");
        return 2;
    }
    int batch = 64, threads = 2, repeats = 30;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const int value = std::max(1, std::atoi(argv[i + 1]));
        if (name == "--batch")
            batch = value;
        else if (name == "--threads")
            threads = value;
        else if (name == "--repeats")
            repeats = value;
    }
    try {
        OnnxRunner runner(load_onnx(argv[1]), batch, threads);
        const std::size_t in_size = runner.model().input.size();
        std::vector<float> input(batch * in_size);
        for (std::size_t i = 0; i < input.size(); ++i)  // the fixtures' input formula
            input[i] = static_cast<float>(static_cast<double>((i * 7919) % 1000) / 500.0 - 1.0);
        std::vector<float> output(batch * runner.model().output().size());
        for (int warm = 0; warm < 3; ++warm) runner.forward(input.data(), batch, output.data());
        std::vector<double> rates;
        for (int r = 0; r < repeats; ++r) {
            const auto start = std::chrono::steady_clock::now();
            runner.forward(input.data(), batch, output.data());
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            rates.push_back(batch / took.count());
        }
        std::sort(rates.begin(), rates.end());
        std::printf("throughput: %.0f img/s\n", rates[rates.size() / 2]);
    } catch (const InputError& error) {
        std::fprintf(stderr, "onnx_forward_bench: %s\n", error.what());
        return 2;
    }
    return 0;
}
