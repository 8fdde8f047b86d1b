#include "app/cli/backward_output.hpp"

#include <cstdio>

#include "app/cli/tensor_io.hpp"
#include "core/formats/nested_array.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const char* kind_name(GradientKind kind) {
    switch (kind) {
        case GradientKind::Weight:
            return "weight";
        case GradientKind::Bias:
            return "bias";
        case GradientKind::Input:
            return "input";
    }
    return "";
}

// The gradient cell's index: [f,c,ky,kx], [f] or [n,c,y,x].
std::vector<int> cell_index(const GradientStep& step) {
    switch (step.kind) {
        case GradientKind::Weight:
            return {step.f, step.c, step.y, step.x};
        case GradientKind::Bias:
            return {step.f};
        case GradientKind::Input:
            return {step.n, step.c, step.y, step.x};
    }
    return {};
}

std::string index_json(const std::vector<int>& index) {
    std::string text = "[";
    for (std::size_t i = 0; i < index.size(); ++i)
        text += (i ? "," : "") + std::to_string(index[i]);
    return text + "]";
}

std::string step_json(const GradientStep& step) {
    std::string outputs, products;
    for (const GradientTerm& term : step.terms) {
        const char* separator = outputs.empty() ? "" : ",";
        outputs += separator + index_json({term.n, term.f, term.oy, term.ox});
        products += separator + number_text(term.product);
    }
    return "{\"grad\":\"" + std::string(kind_name(step.kind)) +
           "\",\"index\":" + index_json(cell_index(step)) + ",\"grad_outputs\":[" + outputs +
           "],\"products\":[" + products + "],\"value\":" + number_text(step.value) + "}";
}

std::string step_label(const GradientStep& step) {
    std::string label = step.kind == GradientKind::Weight ? "dW"
                        : step.kind == GradientKind::Bias ? "db"
                                                          : "dX";
    const std::vector<int> index = cell_index(step);
    for (std::size_t i = 0; i < index.size(); ++i)
        label += (i ? "," : "[") + std::to_string(index[i]);
    return label + "]";
}

}  // namespace

std::vector<OptionSpec> backward_option_specs() {
    return {{"backward", "", false}, {"grad-output", "", true}};
}

std::optional<Tensor> backward_grad_output(const ParsedArguments& args,
                                           const Tensor& shown_output) {
    const std::optional<std::string> text = args.value("grad-output");
    if (!args.has("backward")) {
        if (text) throw InputError("--grad-output needs --backward (add --backward)");
        return std::nullopt;
    }
    if (!text) return Tensor(shown_output.as_rank4().shape(), 1.0f);
    const Tensor given = read_tensor_option(*text, "--grad-output");
    if (given.shape() != shown_output.shape() &&
        (given.rank() > 4 || given.as_rank4().shape() != shown_output.as_rank4().shape())) {
        throw InputError("--grad-output must have the output's shape " +
                         shape_text(shown_output.shape()) + ", got " + shape_text(given.shape()));
    }
    return given.as_rank4();
}

void print_backward_result(const BackwardTrace& trace, int input_rank,
                           const std::vector<int>& kernel_shape, bool json, bool steps) {
    const Tensor grad_input = with_rank(trace.grad_input(), input_rank);
    const bool conv = !is_pooling(trace.op());
    const Tensor grad_weight = conv ? trace.grad_weight().reshaped(kernel_shape) : Tensor();
    const std::vector<float> grad_bias = trace.grad_bias();
    if (json) {
        std::printf("{\"grad_input\":%s", to_nested_array(grad_input).c_str());
        if (conv) {
            std::printf(
                ",\"grad_weight\":%s,\"grad_bias\":%s", to_nested_array(grad_weight).c_str(),
                grad_bias.empty()
                    ? "[]"
                    : to_nested_array(Tensor({static_cast<int>(grad_bias.size())}, grad_bias))
                          .c_str());
        }
        if (steps) {
            std::printf(",\"steps\":[");
            for (int t = 0; t < trace.step_count(); ++t)
                std::printf("%s\n%s", t ? "," : "", step_json(trace.step(t)).c_str());
            std::printf("]");
        }
        std::printf("}\n");
        return;
    }
    std::printf("grad_input (dL/dX) %s\n%s", shape_text(grad_input.shape()).c_str(),
                grid_text(grad_input).c_str());
    if (conv) {
        std::printf(
            "\ngrad_weight (dL/dW) %s\n%s", shape_text(grad_weight.shape()).c_str(),
            grid_text(grad_weight.rank() >= 2 ? grad_weight : grad_weight.as_rank4()).c_str());
        std::string biases;
        for (float b : grad_bias) biases += (biases.empty() ? "" : " ") + number_text(b);
        std::printf("\ngrad_bias (dL/db, the sum of dL/dY per filter)\n%s\n", biases.c_str());
    }
    if (!steps) return;
    std::printf("\nsteps:\n");
    const int count = trace.step_count();
    const int width = static_cast<int>(std::to_string(count).size());
    for (int t = 0; t < count; ++t) {
        const GradientStep step = trace.step(t);
        std::printf("%*d/%d  %s  %s\n", width, t + 1, count, step_label(step).c_str(),
                    gradient_equation(step).c_str());
    }
}

}  // namespace convscope
