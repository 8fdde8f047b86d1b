// PyTorch code for one operation: tensor literals, the functional call, the print.
#include "core/lessons/pytorch_code.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace convscope {

namespace {

std::string str(int value) {
    return std::to_string(value);
}

// "[[1., 2.], [3., 4.]]": the values of `shape` nested; the rows of the last two axes
// go on lines of their own, indented to `column` plus the depth, so a grid reads as one.
void write_nested(std::ostringstream& out, const std::vector<int>& shape, std::size_t axis,
                  const float*& value, int column) {
    out << '[';
    for (int i = 0; i < shape[axis]; ++i) {
        if (i > 0) {
            out << ',';
            if (axis + 1 < shape.size()) {
                out << '\n' << std::string(static_cast<std::size_t>(column) + axis + 1, ' ');
            } else {
                out << ' ';
            }
        }
        if (axis + 1 < shape.size()) {
            write_nested(out, shape, axis + 1, value, column);
        } else {
            out << python_float(*value++);
        }
    }
    out << ']';
}

std::string shape_comment(const std::vector<int>& shape, const char* names) {
    std::string text = "  # (";
    for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + str(shape[i]);
    return text + ") " + names + "\n";
}

// "x = torch.tensor([...])  # (1, 1, 5, 5) N, C, H, W"; `grad` adds requires_grad=True.
std::string tensor_line(const char* name, const Tensor& tensor, const std::vector<int>& shape,
                        const char* names, bool grad = false) {
    std::ostringstream out;
    const std::string head = std::string(name) + " = torch.tensor(";
    out << head;
    const float* value = tensor.data();
    write_nested(out, shape, 0, value, static_cast<int>(head.size()));
    out << (grad ? ", requires_grad=True)" : ")") << shape_comment(shape, names);
    return out.str();
}

// A 1-D tensor drops the H axis (axis 2, of size 1).
std::vector<int> shown_shape(const Tensor& tensor, bool one_d) {
    const std::vector<int>& s = tensor.shape();
    return one_d ? std::vector<int>{s[0], s[1], s[3]} : s;
}

// "2" when both axes agree or 1-D, else "(2, 3)".
std::string pair(int h, int w, bool one_d) {
    return one_d || h == w ? str(w) : "(" + str(h) + ", " + str(w) + ")";
}

bool symmetric(const ConvGeometry& g) {
    return g.h.pad_before == g.h.pad_after && g.w.pad_before == g.w.pad_after;
}

// PyTorch's padding='same' split: the smaller half before (stride 1 only).
bool same_split(const AxisGeometry& a) {
    return a.stride == 1 && a.pad_before == (a.effective_kernel() - 1) / 2 &&
           a.pad_after == a.effective_kernel() - 1 - a.pad_before;
}

// The input's name in the call: the backward code pads into xp, so x stays the leaf
// whose .grad autograd fills.
const char* padded_name(const PytorchRequest& r) {
    return r.backward() ? "xp" : "x";
}

// "x = F.pad(x, (left, right, top, bottom))": padding one side more than the other.
std::string pad_line(const PytorchRequest& r, const char* value) {
    const ConvGeometry& g = r.geometry;
    const bool one_d = r.one_d;
    std::string sides = str(g.w.pad_before) + ", " + str(g.w.pad_after);
    if (!one_d) sides += ", " + str(g.h.pad_before) + ", " + str(g.h.pad_after);
    return std::string(
               "# one side padded more than the other: pad first, then call with no padding\n") +
           padded_name(r) + " = F.pad(x, (" + sides + ")" + value + ")\n";
}

// ", name=value" unless value is PyTorch's default.
std::string argument(const char* name, const std::string& value, const std::string& fallback) {
    return value == fallback ? "" : std::string(", ") + name + "=" + value;
}

std::string conv_call(const PytorchRequest& r, const char* d, std::string& before) {
    const ConvGeometry& g = r.geometry;
    std::string padding = pair(g.h.pad_before, g.w.pad_before, r.one_d);
    std::string x = "x";
    if (!symmetric(g)) {
        if (same_split(g.h) && same_split(g.w)) {
            padding = "'same'";
        } else {
            before += pad_line(r, "");
            padding = "0";
            x = padded_name(r);
        }
    }
    return std::string("y = F.conv") + d + "(" + x + ", w" + (r.bias.empty() ? "" : ", b") +
           argument("stride", pair(g.h.stride, g.w.stride, r.one_d), "1") +
           argument("padding", padding, "0") +
           argument("dilation", pair(g.h.dilation, g.w.dilation, r.one_d), "1") +
           argument("groups", str(r.groups), "1") + ")\n";
}

std::string transposed_call(const PytorchRequest& r, const char* d) {
    const ConvGeometry& g = r.geometry;  // core pads a transposed conv's sides equally
    return std::string("y = F.conv_transpose") + d + "(x, w" + (r.bias.empty() ? "" : ", b") +
           argument("stride", pair(g.h.stride, g.w.stride, r.one_d), "1") +
           argument("padding", pair(g.h.pad_before, g.w.pad_before, r.one_d), "0") +
           argument("output_padding", pair(g.h.output_padding, g.w.output_padding, r.one_d), "0") +
           argument("dilation", pair(g.h.dilation, g.w.dilation, r.one_d), "1") + ")\n";
}

std::string pool_call(const PytorchRequest& r, const char* d, std::string& before) {
    const ConvGeometry& g = r.geometry;
    const bool max = r.op == TracedOp::MaxPool;
    std::string padding = pair(g.h.pad_before, g.w.pad_before, r.one_d);
    std::string x = "x";
    if (!symmetric(g)) {
        // Max pooling pads with -inf (a padded cell never wins), average with zeros
        // that count in the mean, as count_include_pad=True does.
        before += pad_line(r, max ? ", value=float('-inf')" : "");
        padding = "0";
        x = padded_name(r);
    }
    const std::string window = pair(g.h.kernel, g.w.kernel, r.one_d);
    std::string call = std::string("y = F.") + (max ? "max_pool" : "avg_pool") + d + "(" + x +
                       ", " + window +
                       argument("stride", pair(g.h.stride, g.w.stride, r.one_d), window) +
                       argument("padding", padding, "0");
    if (max) {
        call += argument("dilation", pair(g.h.dilation, g.w.dilation, r.one_d), "1");
    } else if (padding != "0") {
        call += ", count_include_pad=True";  // the default, said aloud: padding counts
    }
    return call + ")\n";
}

// After the call: y.backward(dy) and the gradients autograd left in .grad.
std::string backward_lines(const PytorchRequest& r) {
    const bool weights = !is_pooling(r.op);
    const bool bias = weights && !r.bias.empty();
    std::string code =
        std::string("y.backward(dy)  # autograd fills ") + (bias      ? "x.grad, w.grad, b.grad\n"
                                                            : weights ? "x.grad, w.grad\n"
                                                                      : "x.grad\n");
    if (r.json_output) {
        code += "print(json.dumps({\"grad_input\": x.grad.tolist()";
        if (weights) code += ", \"grad_weight\": w.grad.tolist()";
        if (bias) code += ", \"grad_bias\": b.grad.tolist()";
        return code + "}))\n";
    }
    code += "print(x.grad)  # dL/dX\n";
    if (weights) code += "print(w.grad)  # dL/dW\n";
    if (bias) code += "print(b.grad)  # dL/db\n";
    return code;
}

}  // namespace

std::string python_float(float value) {
    if (std::isnan(value)) return "float('nan')";
    if (std::isinf(value)) return value > 0 ? "float('inf')" : "-float('inf')";
    char text[32];
    if (value == std::trunc(value) && std::fabs(value) < 1e15f) {
        std::snprintf(text, sizeof text, "%.0f.", static_cast<double>(value));
        return text;
    }
    for (int digits = 1; digits <= 9; ++digits) {  // the shortest text that reads back
        std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
        if (std::strtof(text, nullptr) == value) break;
    }
    return text;
}

std::string pytorch_code(const PytorchRequest& r) {
    const char* d = r.one_d ? "1d" : "2d";
    std::string code = r.json_output ? "import json\n\n" : "";
    code += "import torch\nimport torch.nn.functional as F\n\n";
    const bool grad = r.backward();
    code += tensor_line("x", r.input, shown_shape(r.input, r.one_d),
                        r.one_d ? "N, C, L" : "N, C, H, W", grad);
    std::string before;
    std::string call;
    switch (r.op) {
        case TracedOp::Conv:
            code += tensor_line("w", r.kernel, shown_shape(r.kernel, r.one_d),
                                r.one_d ? "FN, C/G, K" : "FN, C/G, KH, KW", grad);
            call = conv_call(r, d, before);
            break;
        case TracedOp::TransposedConv:
            code += tensor_line("w", r.kernel, shown_shape(r.kernel, r.one_d),
                                r.one_d ? "C, FN, K" : "C, FN, KH, KW", grad);
            call = transposed_call(r, d);
            break;
        case TracedOp::MaxPool:
        case TracedOp::AveragePool:
            call = pool_call(r, d, before);
            break;
    }
    if (!r.bias.empty() && !is_pooling(r.op)) {
        code += tensor_line("b", Tensor({static_cast<int>(r.bias.size())}, r.bias),
                            {static_cast<int>(r.bias.size())}, "FN", grad);
    }
    if (grad) {
        const bool pool = is_pooling(r.op);
        code += tensor_line("dy", r.grad_output, shown_shape(r.grad_output, r.one_d),
                            r.one_d ? (pool ? "dL/dY: N, C, OL" : "dL/dY: N, FN, OL")
                                    : (pool ? "dL/dY: N, C, OH, OW" : "dL/dY: N, FN, OH, OW"));
    }
    code += "\n" + before + call;
    if (grad) return code + backward_lines(r);
    code += r.json_output ? "print(json.dumps(y.tolist()))\n" : "print(y)\n";
    return code;
}

PytorchRequest pytorch_request(const Playground& playground) {
    PytorchRequest r;
    r.op = playground.setup.op;
    r.input = playground.input;
    r.kernel = playground.kernel;
    r.bias = playground.bias;
    r.geometry = playground.trace.geometry();
    r.groups = r.op == TracedOp::Conv ? playground.setup.groups : 1;
    r.one_d = playground.setup.one_d;
    return r;
}

PytorchRequest pytorch_request(const Playground& playground, const LessonFigure& figure) {
    PytorchRequest r = pytorch_request(playground);
    if (const auto* backward = std::get_if<BackwardFigure>(&figure)) {
        r.grad_output = backward->trace.grad_output();
    }
    return r;
}

}  // namespace convscope
