#include "app/cli/trace_output.hpp"

#include <array>
#include <cstdio>
#include <string>

#include "app/cli/tensor_io.hpp"
#include "core/formats/nested_array.hpp"

namespace convscope {

namespace {

// [a,b,c,d], or [a,b,d] for a 1-D conv (its c is the H index, always 0).
std::string index_list(bool one_d, int a, int b, int c, int d) {
    if (one_d)
        return "[" + std::to_string(a) + "," + std::to_string(b) + "," + std::to_string(d) + "]";
    return "[" + std::to_string(a) + "," + std::to_string(b) + "," + std::to_string(c) + "," +
           std::to_string(d) + "]";
}

std::string step_json(const OperationTrace& trace, const TraceStep& step, bool one_d) {
    const TracedOp op = trace.op();
    const int first_channel = trace.group_channels(step.f).first;  // a grouped kernel's 0
    const bool pooling = is_pooling(op);
    std::string inputs, numbers, kernel;
    for (const TraceTerm& term : step.terms) {
        const char* separator = inputs.empty() ? "" : ",";
        inputs += separator + index_list(one_d, step.n, term.channel, term.tap.in_y, term.tap.in_x);
        if (pooling) {
            const bool hidden = term.tap.padded && op == TracedOp::MaxPool;
            numbers += separator + (hidden ? std::string("null") : number_text(term.input_value));
        } else {
            numbers += separator + number_text(term.product);
            const std::array<int, 2> slice =
                kernel_layout(op).index(step.f, term.channel - first_channel);
            kernel += separator + index_list(one_d, slice[0], slice[1], term.tap.k_y, term.tap.k_x);
        }
    }
    std::string json = "{\"out\":" + index_list(one_d, step.n, step.f, step.y, step.x) +
                       ",\"inputs\":[" + inputs + "]";
    if (pooling) {
        json += ",\"values\":[" + numbers + "]";
    } else {
        json += ",\"kernel\":[" + kernel + "],\"products\":[" + numbers +
                "],\"bias\":" + number_text(step.bias);
    }
    return json + ",\"value\":" + number_text(step.value) + "}";
}

}  // namespace

void print_traced_result(const OperationTrace& trace, const Tensor& output, bool json, bool one_d) {
    const int count = trace.step_count();
    if (json) {
        std::printf("{\"output\":%s,\"steps\":[", to_nested_array(output).c_str());
        for (int t = 0; t < count; ++t) {
            std::printf("%s\n%s", t ? "," : "", step_json(trace, trace.step(t), one_d).c_str());
        }
        std::printf("]}\n");
        return;
    }
    print_result(output, false, one_d ? "n" : "c");  // 1-D (N,F,L): items first
    std::printf("\nsteps:\n");
    const int width = static_cast<int>(std::to_string(count).size());
    for (int t = 0; t < count; ++t) {
        const TraceStep step = trace.step(t);
        const std::string out = one_d ? index_list(true, step.n, step.f, 0, step.x)
                                      : index_list(false, step.n, step.f, step.y, step.x);
        std::printf("%*d/%d  out%s  %s\n", width, t + 1, count, out.c_str(),
                    step_equation(trace.op(), step).c_str());
    }
}

}  // namespace convscope
